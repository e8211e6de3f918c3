import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { formatPortalDate } from '#clock';
import { Duimp, DuimpEvent, DuimpVersion, IcmsRequest, type Recipient } from '#database';
import { isValidCnpj, isValidCpf } from '#pki';
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
  SITUACOES_CANCELADA,
  SITUACOES_CARGA_ENTREGUE,
  SITUACOES_DESEMBARACADA,
  SITUACOES_EM_DESPACHO,
  SITUACOES_ICMS_PENDENTES,
  type UfInteresse,
} from '#domain';
import { findSefazCover, requireDuimpNumber } from '../../portal/duimp/duimp-lookup.js';
import { brasiliaYear, refuse, type ScenarioContext, ScenarioRunner } from '../scenario-runner.service.js';
import type { CriarDuimpDto, DesembaracoDuimpDto, DuimpDadosDto, EntregaDuimpDto, RetificarDuimpDto } from './duimp.dto.js';

// Serialises the numbering of new Duimps (any constant).
const DUIMP_NUMBERING_LOCK = 727_101;
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

function situacaoText(situacao: DuimpSituacao): string {
  return `${situacao} - ${DUIMP_SITUACOES[situacao]}`;
}

/**
 * The Duimp's life as the portal runs it. Situations: registered 11 (canal verde) or 31 (in conferência);
 * a retification during the despacho goes back to 12; clearance → 42 (or 43 when the cargo already left
 * on an early delivery); delivery with the despacho going on (before clearance) → 53; delivery of a
 * cleared Duimp, nothing of the despacho left to go on → 43; cancellation (only during the despacho) → 82.
 */
@Injectable()
export class DuimpScenarios {
  constructor(
    private readonly runner: ScenarioRunner,
    private readonly dataSource: DataSource,
  ) {}

  register(dto: CriarDuimpDto) {
    return this.runner.run(async (context) => {
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

      await manager.query('SELECT pg_advisory_xact_lock($1)', [DUIMP_NUMBERING_LOCK]);
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
      await this.emit(context, 'dimp-registro', duimp, DUIMP_HISTORICO.REGISTRADA.evento);
      return this.view(duimp, spec.nomeImportador);
    });
  }

  retify(numero: string, dto: RetificarDuimpDto) {
    return this.runner.run(async (context) => {
      const { manager, now } = context;
      const duimp = await lockDuimp(manager, numero);
      if (SITUACOES_CANCELADA.includes(duimp.situation)) {
        refuse('DUIMP_CANCELADA', 'numero', `A Duimp ${numero} está cancelada (${situacaoText(duimp.situation)}) e não pode ser retificada.`);
      }
      if (duimp.currentVersion >= 9999) refuse('VERSAO_MAXIMA', 'numero', `A Duimp ${numero} atingiu a versão máxima.`);
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
        situation: SITUACOES_EM_DESPACHO.includes(duimp.situation) ? '12' : duimp.situation,
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
    return this.runner.run(async (context) => {
      const duimp = await lockDuimp(context.manager, numero);
      this.refuseIfCancelled(duimp, 'ter a entrega autorizada');
      if (SITUACOES_CARGA_ENTREGUE.includes(duimp.situation)) {
        refuse('CARGA_JA_ENTREGUE', 'numero', `A carga da Duimp ${numero} já foi entregue (${situacaoText(duimp.situation)}).`);
      }
      if (dto.prosseguimentoDespacho) {
        // Early delivery: the cargo leaves before clearance and the conferência goes on.
        if (!SITUACOES_EM_DESPACHO.includes(duimp.situation)) {
          refuse(
            'DUIMP_JA_DESEMBARACADA',
            'prosseguimentoDespacho',
            `A Duimp ${numero} já foi desembaraçada (${situacaoText(duimp.situation)}): não há despacho a prosseguir.`,
          );
        }
        await this.transition(context, duimp, '53', [DUIMP_HISTORICO.ENTREGA_COM_PD, DUIMP_HISTORICO.CARGA_ENTREGUE]);
        await this.emit(context, 'dimp-entrega-com-pd', duimp, DUIMP_HISTORICO.CARGA_ENTREGUE.evento);
      } else {
        if (!SITUACOES_DESEMBARACADA.includes(duimp.situation)) {
          refuse(
            'DUIMP_NAO_DESEMBARACADA',
            'prosseguimentoDespacho',
            `A Duimp ${numero} ainda não foi desembaraçada (${situacaoText(duimp.situation)}): a entrega antes do desembaraço é com prosseguimento do despacho.`,
          );
        }
        await this.transition(context, duimp, '43', [DUIMP_HISTORICO.ENTREGA_SEM_PD, DUIMP_HISTORICO.CARGA_ENTREGUE]);
        await this.emit(context, 'dimp-entrega-sem-pd', duimp, DUIMP_HISTORICO.CARGA_ENTREGUE.evento);
      }
      return this.view(duimp);
    });
  }

  cancel(numero: string) {
    return this.runner.run(async (context) => {
      const { manager, now } = context;
      const duimp = await lockDuimp(manager, numero);
      if (SITUACOES_CANCELADA.includes(duimp.situation)) {
        refuse('DUIMP_CANCELADA', 'numero', `A Duimp ${numero} já está cancelada (${situacaoText(duimp.situation)}).`);
      }
      if (!SITUACOES_EM_DESPACHO.includes(duimp.situation)) {
        refuse(
          SITUACOES_CARGA_ENTREGUE.includes(duimp.situation) ? 'CARGA_JA_ENTREGUE' : 'DUIMP_JA_DESEMBARACADA',
          'numero',
          `A Duimp ${numero} não pode ser cancelada na situação ${situacaoText(duimp.situation)}.`,
        );
      }
      await this.transition(context, duimp, '82', [DUIMP_HISTORICO.CANCELADA]);
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
    return this.runner.run(async (context) => {
      const duimp = await lockDuimp(context.manager, numero);
      this.refuseIfCancelled(duimp, 'ser desembaraçada');
      if (SITUACOES_DESEMBARACADA.includes(duimp.situation)) {
        refuse('DUIMP_JA_DESEMBARACADA', 'numero', `A Duimp ${numero} já foi desembaraçada (${situacaoText(duimp.situation)}).`);
      }
      const evento = dto.evento ?? (duimp.channel === '1' ? 'DESEMBARACO_AUTOMATICO_SEM_CONFERENCIA' : 'DESEMBARACO_EFETUADO');
      const entry = Object.values(DUIMP_HISTORICO).find((candidate) => candidate.evento === evento)!;
      // After an early delivery the cargo is already out.
      await this.transition(context, duimp, duimp.situation === '53' ? '43' : '42', [entry]);
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

  private refuseIfCancelled(duimp: Duimp, what: string): void {
    if (SITUACOES_CANCELADA.includes(duimp.situation)) {
      refuse('DUIMP_CANCELADA', 'numero', `A Duimp ${duimp.number} está cancelada (${situacaoText(duimp.situation)}) e não pode ${what}.`);
    }
  }

  private async transition(context: ScenarioContext, duimp: Duimp, situation: DuimpSituacao, entries: DuimpHistoricoEntry[]) {
    duimp.situation = situation;
    duimp.updatedAt = context.now;
    await context.manager.save(duimp);
    await this.history(context, duimp, entries);
  }

  private async history(context: ScenarioContext, duimp: Duimp, entries: DuimpHistoricoEntry[]) {
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

  /** A Duimp event goes to the Sefaz of every UF of interest at this moment, and names them all. */
  private emit(context: ScenarioContext, webhook: string, duimp: Duimp, evento: string) {
    return context.emit(webhook, ufRecipients(duimp.ufs), {
      numero: duimp.number,
      versao: duimp.currentVersion,
      evento,
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
