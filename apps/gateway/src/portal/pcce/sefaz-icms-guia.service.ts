import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatPortalDate } from '#clock';
import { guideTotalMatches, SITUACOES_ICMS_DECLARADAS } from '#domain';
import type { PortalSession } from '../auth/portal-auth.guard.js';
import { findDuimp, parseVersao, requireDuimpNumber } from '../../business/duimp/duimp-finder.js';
import { requireSefazUf } from '../auth/caller-rules.js';
import type { SefazInclusaoGuiaIcmsDto } from './dto/sefaz-inclusao-guia-icms.dto.js';
import { findIcmsRequest, inTransaction, refuse } from './icms-declaration.js';

/**
 * The payment guides of a declaração de ICMS of the caller's UF: the Sefaz adds one to a declaration
 * "a pagar" (`POST /icms/guia`) and cancels an open, unpaid one by its bar code (`PUT /icms/guia/...`).
 * Guides do not move the declaration's situation; the credit confirmation does.
 */
@Injectable()
export class SefazIcmsGuiaService {
  constructor(private readonly dataSource: DataSource) {}

  async include(session: PortalSession, dto: SefazInclusaoGuiaIcmsDto): Promise<void> {
    const uf = requireSefazUf(session.interveniente);
    requireDuimpNumber(dto.numeroDeclaracao, 'numeroDeclaracao');
    if (!guideTotalMatches(dto)) {
      refuse('VALOR_TOTAL_GUIA_DIVERGENTE', 'valorTotal', 'valorTotal deve ser a soma de valorDevido, valorJuros, valorMulta e valorAtualizacaoMonetaria.');
    }
    const key = { numero: dto.numeroDeclaracao, versao: Number(dto.versaoDeclaracao), uf };
    await inTransaction(this.dataSource, async ({ manager, now }) => {
      await findDuimp(manager, key.numero, { lock: true });
      const request = await findIcmsRequest(manager, key, ['DUIMP_PENDENTE_PAGAMENTO_EXONERACAO']);
      if (!request) {
        refuse(
          'DECLARACAO_ICMS_A_PAGAR_INEXISTENTE',
          'numeroDeclaracao',
          `A Duimp ${key.numero} versão ${key.versao} não tem declaração de ICMS da UF ${uf} a pagar.`,
        );
      }
      if (request.guides.some((guia) => guia.codigoBarrasGuia === dto.codigoBarrasGuia && !guia.dataCancelamento)) {
        refuse('GUIA_ICMS_DUPLICADA', 'codigoBarrasGuia', `A guia ${dto.codigoBarrasGuia} já está cadastrada na declaração de ICMS.`);
      }
      const { numeroDeclaracao: _numero, versaoDeclaracao: _versao, ...guia } = dto;
      request.guides = [...request.guides, { ...guia }];
      request.updatedAt = now;
      await manager.save(request);
    });
  }

  async cancel(session: PortalSession, numero: string, versao: string, codigoBarras: string): Promise<void> {
    const uf = requireSefazUf(session.interveniente);
    requireDuimpNumber(numero);
    const key = { numero, versao: parseVersao(versao), uf };
    await inTransaction(this.dataSource, async ({ manager, now }) => {
      await findDuimp(manager, numero, { lock: true });
      const request = await findIcmsRequest(manager, key, SITUACOES_ICMS_DECLARADAS);
      const index = request?.guides.findIndex((guia) => guia.codigoBarrasGuia === codigoBarras && !guia.dataCancelamento) ?? -1;
      if (!request || index < 0) {
        refuse('GUIA_ICMS_INEXISTENTE', 'codigoBarras', `A declaração de ICMS da Duimp ${numero} versão ${key.versao} da UF ${uf} não tem guia ${codigoBarras} ativa.`);
      }
      if (request.guides[index].dataPagamento) refuse('GUIA_ICMS_PAGA', 'codigoBarras', `A guia ${codigoBarras} já foi paga e não pode ser cancelada.`);
      request.guides = request.guides.map((guia, at) => (at === index ? { ...guia, dataCancelamento: formatPortalDate(now) } : guia));
      request.updatedAt = now;
      await manager.save(request);
    });
  }
}
