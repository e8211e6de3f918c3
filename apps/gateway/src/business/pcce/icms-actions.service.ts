import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatPortalDate } from '#clock';
import { DuimpVersion, IcmsRequest } from '#database';
import { CNAES_IMPORTADOR, SeededRandom, SITUACOES_CANCELADA, SITUACOES_ICMS_PENDENTES } from '#domain';
import { requireDuimpNumber } from '../duimp/duimp-finder.js';
import { lockDuimp } from '../duimp/duimp-actions.service.js';
import { refuse, type WorkContext, UnitOfWork } from '../unit-of-work.service.js';
import type { SolicitarCalculoIcmsDto } from './icms.dto.js';

/** PCCE: the importer asks the Sefaz of `ufFavorecida` to calculate the ICMS of the Duimp in force. */
@Injectable()
export class IcmsActions {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  request(numero: string, dto: SolicitarCalculoIcmsDto) {
    return this.unitOfWork.run(async (context) => {
      const { manager, now } = context;
      const duimp = await lockDuimp(manager, numero);
      if (SITUACOES_CANCELADA.includes(duimp.situation)) {
        refuse('DUIMP_CANCELADA', 'numero', `A Duimp ${numero} está cancelada: não há ICMS a calcular.`);
      }
      const pending = await this.pending(context, numero);
      if (pending) {
        refuse(
          'SOLICITACAO_ICMS_PENDENTE',
          'numero',
          `A Duimp ${numero} já tem uma solicitação de ICMS pendente para ${pending.uf} (${pending.status}).`,
        );
      }
      const uf = dto.ufFavorecida ?? duimp.importerUf;
      if (!duimp.ufs.some((entry) => entry.uf === uf)) {
        refuse('UF_SEM_INTERESSE', 'ufFavorecida', `${uf} não é UF de interesse da Duimp ${numero}.`);
      }
      const version = await manager.findOneByOrFail(DuimpVersion, { number: numero, version: duimp.currentVersion });
      const cover = version.cover;
      const spec = version.spec;
      const tipoSolicitacao = dto.tipoSolicitacao ?? 'PAGAMENTO_INTEGRAL_DUIMP';
      const rng = new SeededRandom(duimp.seed + 7919 * duimp.currentVersion);
      // SolicitacaoCalculoIcmsDto: what the Sefaz reads back at /icms/consulta/calculo/{numero}/{versao}.
      const request = {
        numeroDeclaracao: numero,
        versaoDeclaracao: String(duimp.currentVersion),
        tipoDeclaracao: 'DUIMP',
        tipoSolicitacao,
        tipoTratamento: 'CALCULO_SEFAZ',
        ufFavorecida: uf,
        ufImportador: duimp.importerUf,
        ...(spec.terceiro ? { ufAdquirente: spec.terceiro.uf } : {}),
        cnaeImportador: rng.pick(CNAES_IMPORTADOR),
        cpfSolicitante: spec.cpfResponsavel,
        valorAfrmm: cover.dadosCarga?.dadosCargaAquaviaria?.valorAFRMMDevido ?? 0,
        valorDespesasAduaneiras: cover.sefazDadosResumo?.dadosTributos?.taxaUtilizacao ?? 0,
        descricaoDespesasAduaneiras: 'Taxa de utilização do Siscomex',
        ...(dto.informacoesComplementares ? { informacoesComplementares: dto.informacoesComplementares } : {}),
      };
      const saved = await manager.save(
        manager.create(IcmsRequest, {
          duimpNumber: numero,
          duimpVersion: duimp.currentVersion,
          uf,
          requestType: tipoSolicitacao,
          treatment: 'CALCULO_SEFAZ',
          status: 'DUIMP_CALCULO_SOLICITADO',
          request,
          history: [{ descricaoSituacao: 'DUIMP_CALCULO_SOLICITADO', dataSituacao: formatPortalDate(now), cpfResponsavel: spec.cpfResponsavel }],
          result: null,
          credit: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await context.emit('pcce-calculo-icms', [{ tipo: 'UF', id: uf }], this.payload(saved));
      return this.view(saved);
    });
  }

  /** The importer withdraws its pending request → `pcce-cancela-icms` to the same Sefaz. */
  cancel(numero: string) {
    return this.unitOfWork.run(async (context) => {
      const { manager, now } = context;
      await lockDuimp(manager, numero);
      const pending = await this.pending(context, numero);
      if (!pending) refuse('SOLICITACAO_ICMS_INEXISTENTE', 'numero', `A Duimp ${numero} não tem solicitação de ICMS pendente.`);
      pending.status = 'DUIMP_CANCELADA_IMPORTADOR';
      pending.history = [
        ...pending.history,
        { descricaoSituacao: pending.status, dataSituacao: formatPortalDate(now), cpfResponsavel: pending.request.cpfSolicitante },
      ];
      pending.updatedAt = now;
      await manager.save(pending);
      await context.emit('pcce-cancela-icms', [{ tipo: 'UF', id: pending.uf }], this.payload(pending));
      return this.view(pending);
    });
  }

  async list(numero: string) {
    requireDuimpNumber(numero);
    const requests = await this.dataSource.getRepository(IcmsRequest).find({ where: { duimpNumber: numero }, order: { id: 'ASC' } });
    return requests.map((request) => ({ ...this.view(request), solicitacao: request.request, historico: request.history }));
  }

  private pending(context: WorkContext, numero: string) {
    return context.manager
      .createQueryBuilder(IcmsRequest, 'request')
      .setLock('pessimistic_write')
      .where('request.duimpNumber = :numero AND request.status IN (:...pending)', { numero, pending: SITUACOES_ICMS_PENDENTES })
      .getOne();
  }

  private payload(request: IcmsRequest) {
    return {
      numeroDeclaracao: request.duimpNumber,
      versaoDeclaracao: String(request.duimpVersion),
      tipoSolicitacao: request.requestType,
      ufFavorecida: request.uf,
    };
  }

  private view(request: IcmsRequest) {
    return {
      id: request.id,
      numeroDeclaracao: request.duimpNumber,
      versaoDeclaracao: String(request.duimpVersion),
      ufFavorecida: request.uf,
      tipoSolicitacao: request.requestType,
      tipoTratamento: request.treatment,
      situacaoSolicitacao: request.status,
    };
  }
}
