import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { formatPortalDate } from '#clock';
import { PortalException } from '#common';
import { DuimpVersion, IcmsRequest } from '#database';
import {
  DUIMP_HISTORICO,
  mergeReleasedInvoices,
  SITUACAO_APOS_CALCULO,
  SITUACOES_ICMS_CUMPRIDAS,
  SITUACOES_ICMS_DECLARADAS,
  SITUACOES_ICMS_PENDENTES,
} from '#domain';
import type { PortalSession } from '../auth/portal-auth.guard.js';
import { findDuimp, parseVersao, requireDuimpNumber } from '../../business/duimp/duimp-finder.js';
import { requireSefazUf } from '../auth/caller-rules.js';
import type { SefazCreditoIcmsDto } from './dto/sefaz-credito-icms.dto.js';
import type { SefazDadosIcmsDto } from './dto/sefaz-dados-icms.dto.js';
import type { SefazIcmsFracionadoDto } from './dto/sefaz-icms-fracionado.dto.js';
import { addDuimpHistory, findIcmsRequest, inTransaction, moveIcmsRequest, refuse, type RequestKey, type Write } from './icms-declaration.js';
import { toSolicitacaoCalculoView, toSolicitacaoIcmsView } from './sefaz-icms.view.js';

/**
 * The PCCE services for the Sefaz (SPEC §8): the Sefaz of `ufFavorecida` answers a calculation request,
 * confirms the payment credit, reads the request and cancels the declaração de ICMS its calculation created.
 * Every write runs in one transaction under the Duimp's row lock (the admin scenarios take the same lock),
 * and a refused call writes nothing.
 */
@Injectable()
export class SefazIcmsService {
  constructor(private readonly dataSource: DataSource) {}

  /** `SefazDadosIcmsDto` for a request waiting for its calculation (DUIMP_CALCULO_SOLICITADO). */
  async calculate(session: PortalSession, dto: SefazDadosIcmsDto): Promise<void> {
    const key = this.bodyKey(session, dto);
    await this.write(async ({ manager, now }) => {
      const duimp = await findDuimp(manager, key.numero, { lock: true });
      const request = await findIcmsRequest(manager, key, ['DUIMP_CALCULO_SOLICITADO']);
      if (!request) {
        refuse(
          'SOLICITACAO_ICMS_INEXISTENTE',
          'numeroDeclaracao',
          `Não há solicitação de cálculo de ICMS pendente da Duimp ${key.numero} versão ${key.versao} para a UF ${key.uf}.`,
        );
      }
      this.requireSameTipo(dto.tipoSolicitacao, request);
      if (dto.tipoRetorno !== 'INDEFERIDO' && dto.valorAfrmm === undefined && (await this.isMaritime(manager, request))) {
        refuse('VALIDACAO_OBRIGATORIO', 'valorAfrmm', 'valorAfrmm é obrigatório para Duimp de modal marítimo quando tipoRetorno ≠ INDEFERIDO.');
      }
      const situacao = SITUACAO_APOS_CALCULO[dto.tipoRetorno];
      request.result = { ...dto };
      request.guides = (dto.guias ?? []).map((guia) => ({ ...guia }));
      moveIcmsRequest(request, situacao, now, dto.cpfSolicitante, dto.justificativaIndeferimento);
      await manager.save(request);
      // Nothing to pay (or exonerated): the obligation is met at once. A calculation "a pagar" waits for the credit.
      if (SITUACOES_ICMS_CUMPRIDAS.includes(situacao)) await addDuimpHistory(manager, duimp, request, DUIMP_HISTORICO.ICMS_DECLARADO, now);
    });
  }

  /** `SefazCreditoIcmsDto` for a calculation "a pagar" (DUIMP_PENDENTE_PAGAMENTO_EXONERACAO) → DUIMP_DECLARADA_PAGA. */
  async credit(session: PortalSession, dto: SefazCreditoIcmsDto): Promise<void> {
    const key = this.bodyKey(session, dto);
    await this.write(async ({ manager, now }) => {
      const duimp = await findDuimp(manager, key.numero, { lock: true });
      const request = await findIcmsRequest(manager, key, ['DUIMP_PENDENTE_PAGAMENTO_EXONERACAO']);
      if (!request) {
        refuse(
          'CALCULO_ICMS_A_PAGAR_INEXISTENTE',
          'numeroDeclaracao',
          `A Duimp ${key.numero} versão ${key.versao} não tem cálculo de ICMS a pagar da UF ${key.uf} aguardando confirmação de crédito.`,
        );
      }
      this.requireSameTipo(dto.tipoSolicitacao, request);
      request.credit = { ...dto };
      request.guides = withPaidGuides(request.guides, dto.guias ?? []);
      moveIcmsRequest(request, 'DUIMP_DECLARADA_PAGA', now);
      await manager.save(request);
      await addDuimpHistory(manager, duimp, request, DUIMP_HISTORICO.ICMS_DECLARADO, now);
    });
  }

  /**
   * `SefazIcmsFracionadoDto`: NF-e released under a declaration "a pagar" with `pagamentoFracionado`. The list
   * accumulates; SEM_VALOR_A_PAGAR says the last were released and carries the credit: the declaration ends
   * paga/exonerada and the ICMS is declared, as the credit confirmation does for an undivided payment.
   */
  async releaseInvoices(session: PortalSession, dto: SefazIcmsFracionadoDto): Promise<void> {
    const uf = requireSefazUf(session.interveniente);
    requireDuimpNumber(dto.numeroDeclaracao, 'numeroDeclaracao');
    const key = { numero: dto.numeroDeclaracao, versao: Number(dto.versaoDeclaracao), uf };
    await this.write(async ({ manager, now }) => {
      const duimp = await findDuimp(manager, key.numero, { lock: true });
      const request = await findIcmsRequest(manager, key, ['DUIMP_PENDENTE_PAGAMENTO_EXONERACAO']);
      if (!request || request.result?.pagamentoFracionado !== true) {
        refuse(
          'DECLARACAO_ICMS_FRACIONADA_INEXISTENTE',
          'numeroDeclaracao',
          `A Duimp ${key.numero} versão ${key.versao} não tem declaração de ICMS da UF ${uf} a pagar com pagamento fracionado.`,
        );
      }
      request.releasedInvoices = mergeReleasedInvoices(
        request.releasedInvoices,
        dto.notasFiscais.map((nota) => nota.chaveAcessoNotaFiscal),
      );
      request.updatedAt = now;
      if (dto.tipoRetorno === 'SEM_VALOR_A_PAGAR') {
        request.credit = { dataConfirmacaoCredito: dto.dataConfirmacaoCredito, valorTotalCredito: dto.valorTotalCredito };
        moveIcmsRequest(request, 'DUIMP_PAGA_EXONERADA', now);
        await addDuimpHistory(manager, duimp, request, DUIMP_HISTORICO.ICMS_DECLARADO, now);
      }
      await manager.save(request);
    });
  }

  /**
   * `SolicitacaoIcmsDto[]`: every declaration of the Duimp (all versions) addressed to the caller's UF, oldest
   * first; a UF with no interest in the Duimp gets 403, as on the Duimp API.
   */
  async list(session: PortalSession, numero: string): Promise<Array<Record<string, unknown>>> {
    const uf = requireSefazUf(session.interveniente);
    requireDuimpNumber(numero);
    const duimp = await findDuimp(this.dataSource.manager, numero);
    if (!duimp.ufs.some((entry) => entry.uf === uf)) {
      throw new PortalException(403, 'PUCX-ER0403', `A UF ${uf} não tem interesse na Duimp ${numero}.`);
    }
    const requests = await this.dataSource.getRepository(IcmsRequest).find({ where: { duimpNumber: numero, uf }, order: { id: 'ASC' } });
    return requests.map((request) => toSolicitacaoIcmsView(request, duimp.situation));
  }

  /** The latest request of the version for the caller's UF: 404 when the version has none, 403 when only other UFs' exist. */
  async consult(session: PortalSession, numero: string, versao: string): Promise<Record<string, unknown>> {
    const uf = requireSefazUf(session.interveniente);
    requireDuimpNumber(numero);
    const version = parseVersao(versao);
    await findDuimp(this.dataSource.manager, numero);
    const requests = await this.dataSource
      .getRepository(IcmsRequest)
      .find({ where: { duimpNumber: numero, duimpVersion: version }, order: { id: 'DESC' } });
    if (requests.length === 0) {
      throw new PortalException(404, 'PUCX-ER0404', `A Duimp ${numero} versão ${version} não tem solicitação de cálculo de ICMS.`);
    }
    const mine = requests.find((request) => request.uf === uf);
    if (!mine) throw new PortalException(403, 'PUCX-ER0403', `A solicitação de cálculo de ICMS da Duimp ${numero} não é dirigida à UF ${uf}.`);
    return toSolicitacaoCalculoView(mine);
  }

  /**
   * The Sefaz cancels the declaração de ICMS its calculation created (a pagar, paga/exonerada or paga):
   * the Duimp's ICMS shows cancelled (history 33) and the request waits for a new calculation.
   */
  async cancel(session: PortalSession, numero: string, versao: string): Promise<void> {
    const uf = requireSefazUf(session.interveniente);
    requireDuimpNumber(numero);
    const key = { numero, versao: parseVersao(versao), uf };
    await this.write(async ({ manager, now }) => {
      const duimp = await findDuimp(manager, numero, { lock: true });
      const request = await findIcmsRequest(manager, key, SITUACOES_ICMS_DECLARADAS);
      if (!request) {
        refuse(
          'DECLARACAO_ICMS_INEXISTENTE',
          'numero',
          `A Duimp ${numero} versão ${key.versao} não tem declaração de ICMS da UF ${uf} que possa ser cancelada.`,
        );
      }
      // Reopening this request must not make two pending ones (the importer may have asked again since).
      const other = await manager.findOneBy(IcmsRequest, { duimpNumber: numero, status: In([...SITUACOES_ICMS_PENDENTES]) });
      if (other && other.id !== request.id) {
        refuse('SOLICITACAO_ICMS_PENDENTE', 'numero', `A Duimp ${numero} já tem outra solicitação de ICMS pendente (${other.uf}, ${other.status}).`);
      }
      request.result = null;
      request.credit = null;
      // The declaration's guides and released NF-e go with it: a new declaration sends them again.
      request.guides = request.guides.map((guia) => (guia.dataCancelamento ? guia : { ...guia, dataCancelamento: formatPortalDate(now) }));
      request.releasedInvoices = [];
      moveIcmsRequest(request, 'DUIMP_CALCULO_SOLICITADO', now, undefined, 'Declaração de ICMS cancelada pela Sefaz.');
      await manager.save(request);
      await addDuimpHistory(manager, duimp, request, DUIMP_HISTORICO.ICMS_CANCELADO, now);
    });
  }

  /** The caller, the Duimp number and the UF of a body: checked before any transaction opens. */
  private bodyKey(session: PortalSession, dto: { numeroDeclaracao: string; versaoDeclaracao: string; ufFavorecida: string }): RequestKey {
    const uf = requireSefazUf(session.interveniente);
    requireDuimpNumber(dto.numeroDeclaracao, 'numeroDeclaracao');
    if (dto.ufFavorecida !== uf) {
      refuse('UF_FAVORECIDA_DIVERGENTE', 'ufFavorecida', `ufFavorecida ${dto.ufFavorecida} não é a UF da Sefaz autenticada (${uf}).`);
    }
    return { numero: dto.numeroDeclaracao, versao: Number(dto.versaoDeclaracao), uf };
  }

  private requireSameTipo(tipoSolicitacao: string, request: IcmsRequest): void {
    if (tipoSolicitacao !== request.requestType) {
      refuse(
        'TIPO_SOLICITACAO_DIVERGENTE',
        'tipoSolicitacao',
        `tipoSolicitacao ${tipoSolicitacao} difere da solicitação de ICMS da Duimp (${request.requestType}).`,
      );
    }
  }

  private async isMaritime(manager: EntityManager, request: IcmsRequest): Promise<boolean> {
    const version = await manager.findOneByOrFail(DuimpVersion, { number: request.duimpNumber, version: request.duimpVersion });
    return version.spec.viaTransporte === 'MARITMO';
  }

  private write<T>(action: (write: Write) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, action);
  }
}

/** The credit's guides, paid: an open guide with the same bar code takes the payment, an unknown one is added. */
function withPaidGuides(guides: Array<Record<string, unknown>>, paid: ReadonlyArray<{ codigoBarrasGuia: string }>): Array<Record<string, unknown>> {
  const result = guides.map((guia) => ({ ...guia }));
  for (const guia of paid) {
    const open = result.findIndex((entry) => entry.codigoBarrasGuia === guia.codigoBarrasGuia && !entry.dataCancelamento);
    if (open >= 0) result[open] = { ...result[open], ...guia };
    else result.push({ ...guia });
  }
  return result;
}
