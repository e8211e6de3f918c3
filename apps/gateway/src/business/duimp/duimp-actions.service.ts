import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { formatPortalDate } from '#clock';
import { AdvisoryLock, lockForTransaction } from '#common';
import { Duimp, DuimpEvent, DuimpVersion, IcmsRequest, type Recipient } from '#database';
import { isValidCnpj, isValidCpf } from '#brazilian-ids';
import {
  applyDuimpOverrides,
  buildDuimpCover,
  buildDuimpNumber,
  CANAIS,
  distinctUfs,
  DUIMP_HISTORICO,
  DUIMP_SITUACOES,
  type DuimpHistoricoEntry,
  type DuimpOverrides,
  type DuimpSituacao,
  duimpSequence,
  generateDuimpSpec,
  randomSeed,
  SeededRandom,
  type DuimpAction,
  duimpActionRefusal,
  duimpSituationAfter,
  icmsDeliveryRefusal,
  SITUACOES_ICMS_PENDENTES,
  type UfInteresse,
} from '#domain';
import { findSefazCover, requireDuimpNumber } from './duimp-finder.js';
import { brasiliaYear, refuse, type WorkContext, UnitOfWork } from '../unit-of-work.service.js';
import type { CriarDuimpDto, DesembaracoDuimpDto, DuimpDadosDto, EntregaDuimpDto, RetificarDuimpDto } from './duimp.dto.js';

/** The declaration is created (drafted) a while before it is registered. */
const DRAFT_LEAD_MS = 20 * 60 * 1000;

export const ufRecipients = (ufs: readonly UfInteresse[]): Recipient[] => distinctUfs(ufs).map((uf) => ({ tipo: 'UF', id: uf }));

/** Loads a Duimp for a change, row-locked until the action commits, or refuses (DIMP-ER0102). */
export async function lockDuimp(manager: EntityManager, numero: string): Promise<Duimp> {
  requireDuimpNumber(numero);
  const duimp = await manager.findOne(Duimp, { where: { number: numero }, lock: { mode: 'pessimistic_write' } });
  if (!duimp) refuse('DIMP-ER0102', 'numero', `Duimp ${numero} não registrada.`);
  return duimp;
}

/** Refuses `action` with the portal's validation body when the Duimp's situation does not allow it. */
function refuseUnless(action: DuimpAction, duimp: Duimp): void {
  const refusal = duimpActionRefusal(action, duimp.number, duimp.situation, duimp.currentVersion);
  if (refusal) refuse(refusal.code, refusal.field, refusal.message);
}

/** The cargo waits for the ICMS the importer asked a Sefaz for (the ICMS actions take the same Duimp lock). */
async function refuseWhileIcmsPending(manager: EntityManager, duimp: Duimp): Promise<void> {
  const requests = await manager.find(IcmsRequest, { where: { duimpNumber: duimp.number }, select: { uf: true, status: true } });
  const refusal = icmsDeliveryRefusal(duimp.number, requests.map((request) => ({ uf: request.uf, situacao: request.status })));
  if (refusal) refuse(refusal.code, refusal.field, refusal.message);
}

/** The Duimp's life as the portal runs it; which action each situation allows is `duimpActionRefusal`'s. */
@Injectable()
export class DuimpActions {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  register(dto: CriarDuimpDto) {
    return this.unitOfWork.run(async (context) => {
      const { manager, now } = context;
      const seed = dto.seed ?? randomSeed();
      const tipoImportador = dto.tipoImportador ?? (dto.niImportador?.length === 11 ? '2' : '1');
      if (dto.niImportador && !(tipoImportador === '1' ? isValidCnpj(dto.niImportador) : isValidCpf(dto.niImportador))) {
        refuse('NI_INVALIDO', 'niImportador', `niImportador não é um ${tipoImportador === '1' ? 'CNPJ' : 'CPF'} válido.`);
      }
      if (dto.cpfResponsavel && !isValidCpf(dto.cpfResponsavel)) refuse('CPF_INVALIDO', 'cpfResponsavel', 'cpfResponsavel não é um CPF válido.');
      const spec = generateDuimpSpec(seed, {
        ...dadosOverrides(dto),
        tipoImportador,
        niImportador: dto.niImportador,
        nomeImportador: dto.nomeImportador,
        ufImportador: dto.ufImportador,
        cpfResponsavel: dto.cpfResponsavel,
      });

      await lockForTransaction(manager, AdvisoryLock.DuimpNumbering);
      const numero = dto.numero ?? (await this.nextNumber(manager, brasiliaYear(now)));
      if (dto.numero) {
        requireDuimpNumber(dto.numero);
        if (await manager.existsBy(Duimp, { number: dto.numero })) refuse('DUIMP_JA_REGISTRADA', 'numero', `A Duimp ${dto.numero} já está registrada.`);
      }

      const createdAt = new Date(now.getTime() - DRAFT_LEAD_MS);
      const cover = buildDuimpCover(spec, { numero, versao: 1, criadaEm: createdAt, registradaEm: now, versaoRegistradaEm: now });
      // The risk analysis' channel is known at once: verde is released without conferência, the others go to it.
      const verde = spec.canal === '1';
      const duimp = await manager.save(
        manager.create(Duimp, {
          number: numero,
          currentVersion: 1,
          situation: verde ? '11' : '31',
          channel: spec.canal,
          importerType: spec.tipoImportador,
          importerNi: spec.niImportador,
          importerUf: spec.ufImportador,
          clearanceUf: spec.ufDespacho,
          ufs: spec.ufsInteresse,
          seed,
          createdAt,
          registeredAt: now,
          updatedAt: now,
        }),
      );
      await manager.insert(DuimpVersion, { number: numero, version: 1, spec, cover, registeredAt: now });
      await this.history(context, duimp, [
        DUIMP_HISTORICO.REGISTRADA,
        DUIMP_HISTORICO.PAGAMENTO_FEDERAL,
        verde ? DUIMP_HISTORICO.LIBERADA_SEM_CONFERENCIA : DUIMP_HISTORICO.SELECIONADA_CONFERENCIA,
      ]);
      await this.emit(context, 'dimp-registro', duimp, null);
      return this.view(duimp, spec.nomeImportador);
    });
  }

  retify(numero: string, dto: RetificarDuimpDto) {
    return this.unitOfWork.run(async (context) => {
      const { manager, now } = context;
      const duimp = await lockDuimp(manager, numero);
      refuseUnless('retificacao', duimp);
      const previous = await manager.findOneByOrFail(DuimpVersion, { number: numero, version: duimp.currentVersion });
      const version = duimp.currentVersion + 1;
      const spec = applyDuimpOverrides(previous.spec, dadosOverrides(dto), new SeededRandom(duimp.seed + version));
      const cover = buildDuimpCover(spec, {
        numero,
        versao: version,
        criadaEm: duimp.createdAt,
        registradaEm: duimp.registeredAt,
        versaoRegistradaEm: now,
        pagamentosAnteriores: previous.cover.sefazDadosResumo?.pagamentosDebitoConta ?? [],
      });
      await manager.insert(DuimpVersion, { number: numero, version, spec, cover, registeredAt: now });
      Object.assign(duimp, {
        currentVersion: version,
        // A retification during the despacho waits for the risk analysis again.
        situation: duimpSituationAfter('retificacao', duimp.situation),
        channel: spec.canal,
        clearanceUf: spec.ufDespacho,
        ufs: spec.ufsInteresse,
        updatedAt: now,
      });
      await manager.save(duimp);
      await this.history(context, duimp, [DUIMP_HISTORICO.RETIFICADA]);
      // The UFs of interest of the new version: a Sefaz that gained interest hears of it, one that lost it does not.
      await this.emit(context, 'dimp-retificacao', duimp, DUIMP_HISTORICO.RETIFICADA.evento);
      return this.view(duimp, spec.nomeImportador);
    });
  }

  deliver(numero: string, dto: EntregaDuimpDto) {
    return this.unitOfWork.run(async (context) => {
      const duimp = await lockDuimp(context.manager, numero);
      const action = dto.prosseguimentoDespacho ? 'entregaComPd' : 'entregaSemPd';
      refuseUnless(action, duimp);
      await refuseWhileIcmsPending(context.manager, duimp);
      if (action === 'entregaComPd') {
        // Early delivery: the cargo leaves before clearance and the conferência goes on.
        await this.transition(context, duimp, duimpSituationAfter(action, duimp.situation), [DUIMP_HISTORICO.ENTREGA_COM_PD, DUIMP_HISTORICO.CARGA_ENTREGUE]);
        await this.emit(context, 'dimp-entrega-com-pd', duimp, null);
      } else {
        await this.transition(context, duimp, duimpSituationAfter(action, duimp.situation), [DUIMP_HISTORICO.ENTREGA_SEM_PD, DUIMP_HISTORICO.CARGA_ENTREGUE]);
        await this.emit(context, 'dimp-entrega-sem-pd', duimp, null);
      }
      return this.view(duimp);
    });
  }

  cancel(numero: string) {
    return this.unitOfWork.run(async (context) => {
      const { manager, now } = context;
      const duimp = await lockDuimp(manager, numero);
      refuseUnless('cancelamento', duimp);
      await this.transition(context, duimp, duimpSituationAfter('cancelamento', duimp.situation), [DUIMP_HISTORICO.CANCELADA]);
      await this.emit(context, 'dimp-cancelamento', duimp, DUIMP_HISTORICO.CANCELADA.evento);

      // A pending ICMS request dies with its Duimp, and its Sefaz is told.
      const pending = await manager
        .createQueryBuilder(IcmsRequest, 'request')
        .setLock('pessimistic_write')
        .where('request.duimpNumber = :numero AND request.status IN (:...pending)', { numero, pending: SITUACOES_ICMS_PENDENTES })
        .getOne();
      if (pending) {
        pending.status = 'DUIMP_CANCELADA_AUTOMATICAMENTE';
        pending.history = [
          ...pending.history,
          {
            descricaoSituacao: pending.status,
            dataSituacao: formatPortalDate(now),
            cpfResponsavel: pending.request.cpfSolicitante,
            comentario: 'Solicitação cancelada automaticamente com o cancelamento da Duimp.',
          },
        ];
        pending.updatedAt = now;
        await manager.save(pending);
        await context.emit('pcce-cancela-icms', [{ tipo: 'UF', id: pending.uf }], {
          numeroDeclaracao: numero,
          versaoDeclaracao: String(pending.duimpVersion),
          tipoSolicitacao: pending.requestType,
          ufFavorecida: pending.uf,
        });
      }
      return this.view(duimp);
    });
  }

  clear(numero: string, dto: DesembaracoDuimpDto) {
    return this.unitOfWork.run(async (context) => {
      const duimp = await lockDuimp(context.manager, numero);
      refuseUnless('desembaraco', duimp);
      const evento = dto.evento ?? (duimp.channel === '1' ? 'DESEMBARACO_AUTOMATICO_SEM_CONFERENCIA' : 'DESEMBARACO_EFETUADO');
      const entry = Object.values(DUIMP_HISTORICO).find((candidate) => candidate.evento === evento)!;
      await this.transition(context, duimp, duimpSituationAfter('desembaraco', duimp.situation), [entry]);
      await this.emit(context, 'dimp-desembaraco', duimp, evento);
      return this.view(duimp);
    });
  }

  /** The Duimp with the Sefaz cover of its version in force and its ICMS requests. */
  async find(numero: string) {
    const duimp = await this.dataSource.getRepository(Duimp).findOneBy({ number: numero });
    if (!duimp) return null;
    const [version, icms] = await Promise.all([
      this.dataSource.getRepository(DuimpVersion).findOneByOrFail({ number: numero, version: duimp.currentVersion }),
      this.dataSource.getRepository(IcmsRequest).find({ where: { duimpNumber: numero }, order: { id: 'ASC' } }),
    ]);
    const cover = await findSefazCover(this.dataSource.manager, duimp, version);
    return {
      ...this.view(duimp, version.spec.nomeImportador),
      cobertura: cover,
      solicitacoesIcms: icms.map((request) => ({
        id: request.id,
        versaoDeclaracao: String(request.duimpVersion),
        ufFavorecida: request.uf,
        tipoSolicitacao: request.requestType,
        situacaoSolicitacao: request.status,
      })),
    };
  }

  private async nextNumber(manager: EntityManager, year: string): Promise<string> {
    // Under the numbering lock: the next sequence of the year after the highest one taken.
    const [{ last }] = await manager.query(`SELECT max(number) AS last FROM duimp WHERE number LIKE $1`, [`${year}BR%`]);
    return buildDuimpNumber(year, (last ? duimpSequence(last) : 0) + 1);
  }

  private async transition(context: WorkContext, duimp: Duimp, situation: DuimpSituacao, entries: DuimpHistoricoEntry[]) {
    duimp.situation = situation;
    duimp.updatedAt = context.now;
    await context.manager.save(duimp);
    await this.history(context, duimp, entries);
  }

  private async history(context: WorkContext, duimp: Duimp, entries: DuimpHistoricoEntry[]) {
    await context.manager.insert(
      DuimpEvent,
      entries.map((entry) => ({
        number: duimp.number,
        version: duimp.currentVersion,
        code: entry.codigo,
        description: entry.descricao,
        evento: entry.evento,
        occurredAt: context.now,
        ufs: duimp.ufs,
      })),
    );
  }

  /**
   * A Duimp event goes to the Sefaz of every UF of interest at this moment, and names them all. `evento` is
   * the Sefaz enum's name of the fact; registration and delivery authorisations have none, and send none.
   */
  private emit(context: WorkContext, webhook: string, duimp: Duimp, evento: string | null) {
    return context.emit(webhook, ufRecipients(duimp.ufs), {
      numero: duimp.number,
      versao: duimp.currentVersion,
      ...(evento ? { evento } : {}),
      ufs: duimp.ufs.map((entry) => ({ uf: entry.uf, tipoInteresse: entry.tipoInteresse })),
    });
  }

  private view(duimp: Duimp, nomeImportador?: string) {
    return {
      numero: duimp.number,
      versao: duimp.currentVersion,
      situacao: { codigo: duimp.situation, descricao: DUIMP_SITUACOES[duimp.situation] },
      canal: { codigo: duimp.channel, descricao: CANAIS[duimp.channel] },
      tipoImportador: duimp.importerType,
      niImportador: duimp.importerNi,
      ...(nomeImportador ? { nomeImportador } : {}),
      ufImportador: duimp.importerUf,
      ufDespacho: duimp.clearanceUf,
      ufs: duimp.ufs,
      seed: duimp.seed,
    };
  }
}

function dadosOverrides(dto: DuimpDadosDto): DuimpOverrides {
  return {
    ufDespacho: dto.ufDespacho,
    uaDespacho: dto.uaDespacho,
    ufTerceiro: dto.ufTerceiro,
    ufs: dto.ufs,
    canal: dto.canal,
    viaTransporte: dto.viaTransporte,
    itens: dto.itens,
  };
}
