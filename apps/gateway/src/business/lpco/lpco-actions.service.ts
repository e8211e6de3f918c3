import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findCatalogEvent, LPCO_SITUACOES } from '#catalog';
import { formatPortalDate, formatPortalDateMillis } from '#clock';
import { AdvisoryLock, lockForTransaction } from '#common';
import { Lpco, type LpcoHistoryEntry } from '#database';
import {
  buildLpcoNumber,
  COMPANY_SECTORS,
  COUNTRIES,
  LPCO_MODELOS,
  LPCO_NUMBER_PATTERN,
  LPCO_SITUACOES_EXIGIVEIS,
  LPCO_SITUACOES_SEM_VINCULO,
  LPCO_SITUACOES_VIGENTES,
  LPCO_TRANSICOES_ANUENTE,
  LPCO_TRANSICOES_INTERESSADO,
  type LpcoSituacao,
  NCMS,
  numeroOperacaoError,
  randomSeed,
  round,
  SeededRandom,
  SURNAMES,
} from '#domain';
import { generateCnpj, isValidCnpj, isValidCpf } from '#brazilian-ids';
import { brasiliaDate, brasiliaYear, refuse, type WorkContext, UnitOfWork } from '../unit-of-work.service.js';
import type {
  AnaliseDto,
  ExigenciaDto,
  JustificativaDto,
  PendenciaDueDto,
  ProrrogacaoDto,
  RegistrarLpcoDto,
  SituacaoAnuenteDto,
  SituacaoInteressadoDto,
  VinculoLpcoDto,
} from './lpco.dto.js';

const DEFAULT_VALIDITY_DAYS = 180;
const DEFAULT_EXTENSION_DAYS = 90;

type Autor = LpcoHistoryEntry['autor'];

const describe = (situacao: LpcoSituacao) => `${situacao} (${LPCO_SITUACOES[situacao]})`;

/**
 * TA-LPCO: the importer/exporter asks, the órgão anuente decides. An action of the importer/exporter
 * (or of the system on its operation) notifies the órgão anuente of the model; an action of the anuente
 * notifies the LPCO's holder by NI (SPEC §6).
 */
@Injectable()
export class LpcoActions {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  register(dto: RegistrarLpcoDto) {
    return this.unitOfWork.run(async (context) => {
      const { manager, now } = context;
      const model = dto.codigoModelo ?? 'I00101';
      const known = LPCO_MODELOS[model];
      const orgao = dto.orgao ?? known?.orgao;
      if (!orgao) refuse('MODELO_DESCONHECIDO', 'codigoModelo', `Modelo ${model} sem órgão anuente conhecido: informe orgao.`);
      if (dto.niInteressado && !(dto.niInteressado.length === 14 ? isValidCnpj(dto.niInteressado) : isValidCpf(dto.niInteressado))) {
        refuse('NI_INVALIDO', 'niInteressado', 'niInteressado não é um CPF/CNPJ válido.');
      }
      const seed = dto.seed ?? randomSeed();
      const rng = new SeededRandom(seed);
      const drawnNi = generateCnpj(rng.next);
      const drawnName = `${rng.pick(SURNAMES)} ${rng.pick(COMPANY_SECTORS)} Ltda`;
      const drawnNcm = rng.pick(NCMS);
      const reference = dto.ncm ? (NCMS.find((entry) => entry.ncm === dto.ncm) ?? { ...drawnNcm, ncm: dto.ncm }) : drawnNcm;
      const quantidade = dto.quantidade ?? rng.int(10, 5_000);
      const country = rng.weighted(COUNTRIES);
      const operacao = model[0] as 'E' | 'I';

      await lockForTransaction(manager, AdvisoryLock.LpcoNumbering);
      const year = brasiliaYear(now);
      const [{ last }] = await manager.query(`SELECT max(number) AS last FROM lpco WHERE number LIKE $1`, [`${operacao}${year}%`]);
      const numero = buildLpcoNumber(operacao, year, (last ? Number(last.slice(3)) : 0) + 1);

      const lpco = manager.create(Lpco, {
        number: numero,
        model,
        orgao,
        holderNi: dto.niInteressado ?? drawnNi,
        situation: 'PARA_ANALISE',
        links: [],
        rectificationPending: false,
        extensionPending: false,
        validFrom: null,
        validUntil: null,
        data: {
          nomeModelo: known?.nome ?? `Modelo ${model}`,
          nomeInteressado: dto.nomeInteressado ?? drawnName,
          ncm: reference.ncm,
          descricaoMercadoria: reference.descricao,
          quantidade,
          unidadeMedida: reference.unidadeEstatistica,
          [operacao === 'I' ? 'paisOrigem' : 'paisDestino']: country,
          valorUnitarioUsd: rng.decimal(reference.precoUsd[0], reference.precoUsd[1]),
          pesoLiquidoKg: round(quantidade * reference.pesoUnitarioKg, 5),
          seed,
        },
        history: [],
        registeredAt: now,
        updatedAt: now,
      });
      await this.record(context, lpco, 'talp-registro-lpco', 'INTERESSADO', undefined, true);
      return view(lpco);
    });
  }

  link(numero: string, dto: VinculoLpcoDto) {
    return this.act(numero, 'talp-incvinc-lpco', 'INTERESSADO', undefined, async (lpco, { now }) => {
      if (LPCO_SITUACOES_SEM_VINCULO.includes(lpco.situation)) {
        refuse('SITUACAO_INCOMPATIVEL', 'numero', `O LPCO ${lpco.number} está ${describe(lpco.situation)} e não pode ser vinculado.`);
      }
      const expected = lpco.number.startsWith('I') ? ['DUIMP', 'LI'] : ['DUE', 'RE'];
      if (!expected.includes(dto.tipoOperacao)) {
        refuse('OPERACAO_INCOMPATIVEL', 'tipoOperacao', `Um LPCO ${lpco.number.startsWith('I') ? 'de importação' : 'de exportação'} vincula-se a ${expected.join(' ou ')}.`);
      }
      const formatError = numeroOperacaoError(dto.tipoOperacao, dto.numeroOperacao);
      if (formatError) refuse('NUMERO_OPERACAO_INVALIDO', 'numeroOperacao', formatError);
      if (lpco.links.some((link) => link.numeroOperacao === dto.numeroOperacao)) {
        refuse('VINCULO_EXISTENTE', 'numeroOperacao', `O LPCO ${lpco.number} já está vinculado a ${dto.numeroOperacao}.`);
      }
      lpco.links = [...lpco.links, { tipoOperacao: dto.tipoOperacao, numeroOperacao: dto.numeroOperacao, dataVinculo: formatPortalDate(now) }];
      return { operacao: { tipoOperacao: dto.tipoOperacao, numeroOperacao: dto.numeroOperacao } };
    });
  }

  unlink(numero: string, numeroOperacao: string) {
    return this.act(numero, 'talp-cancvinc-lpco', 'INTERESSADO', undefined, async (lpco) => {
      const link = lpco.links.find((candidate) => candidate.numeroOperacao === numeroOperacao);
      if (!link) refuse('VINCULO_INEXISTENTE', 'numeroOperacao', `O LPCO ${lpco.number} não está vinculado a ${numeroOperacao}.`);
      lpco.links = lpco.links.filter((candidate) => candidate.numeroOperacao !== numeroOperacao);
      return { operacao: { tipoOperacao: link.tipoOperacao, numeroOperacao } };
    });
  }

  /** The importer/exporter withdraws the request or appeals a refusal → `talp-altsit-lpco-int`. */
  changeByHolder(numero: string, dto: SituacaoInteressadoDto) {
    return this.act(numero, 'talp-altsit-lpco-int', 'INTERESSADO', dto.justificativa, async (lpco) => {
      this.move(lpco, dto.situacao, LPCO_TRANSICOES_INTERESSADO, 'o importador/exportador');
    });
  }

  /** The anuente's decision → `talp-altsit-lpco-anu` to the holder. */
  changeByAnuente(numero: string, dto: SituacaoAnuenteDto) {
    return this.act(numero, 'talp-altsit-lpco-anu', 'ANUENTE', dto.justificativa, async (lpco, { now }) => {
      if (dto.situacao === 'AUTORIZACAO_IMPORTACAO_EMITIDA' && !lpco.number.startsWith('I')) {
        refuse('SITUACAO_INCOMPATIVEL', 'situacao', 'Autorização de importação só existe para LPCO de importação.');
      }
      if ((dto.dataInicioVigencia || dto.dataFinalVigencia) && dto.situacao !== 'DEFERIDO') {
        refuse('VIGENCIA_SO_NO_DEFERIMENTO', 'dataInicioVigencia', 'A vigência só é informada quando a nova situação é DEFERIDO.');
      }
      this.move(lpco, dto.situacao, LPCO_TRANSICOES_ANUENTE, 'o órgão anuente');
      if (dto.situacao === 'DEFERIDO') {
        lpco.validFrom = dto.dataInicioVigencia ?? brasiliaDate(now);
        lpco.validUntil = dto.dataFinalVigencia ?? brasiliaDate(now, DEFAULT_VALIDITY_DAYS);
        if (lpco.validUntil < lpco.validFrom) refuse('VIGENCIA_INVALIDA', 'dataFinalVigencia', 'O fim da vigência é anterior ao início.');
      }
    });
  }

  requireAction(numero: string, dto: ExigenciaDto) {
    return this.act(numero, 'talp-inclusao-exig', 'ANUENTE', dto.justificativa, async (lpco) => {
      if (!LPCO_SITUACOES_EXIGIVEIS.includes(lpco.situation)) {
        refuse('SITUACAO_INCOMPATIVEL', 'numero', `O LPCO ${lpco.number} está ${describe(lpco.situation)}: não cabe exigência.`);
      }
      lpco.situation = 'EM_EXIGENCIA';
    });
  }

  answerRequirement(numero: string, dto: JustificativaDto) {
    return this.act(numero, 'talp-resposta-exig', 'INTERESSADO', dto.justificativa, async (lpco) => {
      if (lpco.situation !== 'EM_EXIGENCIA') {
        refuse('SEM_EXIGENCIA', 'numero', `O LPCO ${lpco.number} está ${describe(lpco.situation)}: não há exigência a responder.`);
      }
      lpco.situation = 'RESPOSTA_EXIGENCIA';
    });
  }

  askRectification(numero: string, dto: JustificativaDto) {
    return this.act(numero, 'talp-solic-retif', 'INTERESSADO', dto.justificativa, async (lpco) => {
      this.requireInForce(lpco, 'retificado');
      if (lpco.rectificationPending) refuse('RETIFICACAO_PENDENTE', 'numero', `O LPCO ${lpco.number} já tem retificação pendente de análise.`);
      lpco.rectificationPending = true;
    });
  }

  analyseRectification(numero: string, dto: AnaliseDto) {
    return this.act(numero, 'talp-analise-retif', 'ANUENTE', dto.justificativa, async (lpco) => {
      if (!lpco.rectificationPending) refuse('SEM_RETIFICACAO_PENDENTE', 'numero', `O LPCO ${lpco.number} não tem retificação pendente.`);
      lpco.rectificationPending = false;
      lpco.data = { ...lpco.data, ultimaRetificacao: dto.deferida ? 'DEFERIDA' : 'INDEFERIDA' };
      return { resultado: dto.deferida ? 'DEFERIDO' : 'INDEFERIDO' };
    });
  }

  askExtension(numero: string, dto: ProrrogacaoDto) {
    return this.act(numero, 'talp-solic-prorrog', 'INTERESSADO', dto.justificativa, async (lpco) => {
      this.requireInForce(lpco, 'prorrogado');
      if (lpco.extensionPending) refuse('PRORROGACAO_PENDENTE', 'numero', `O LPCO ${lpco.number} já tem prorrogação pendente de análise.`);
      const current = lpco.validUntil!;
      const asked = dto.novaDataFinalVigencia ?? addDays(current, DEFAULT_EXTENSION_DAYS);
      if (asked <= current) refuse('PRORROGACAO_INVALIDA', 'novaDataFinalVigencia', `A nova data deve ser posterior a ${current}.`);
      lpco.extensionPending = true;
      lpco.data = { ...lpco.data, prorrogacaoSolicitada: asked };
    });
  }

  analyseExtension(numero: string, dto: AnaliseDto) {
    return this.act(numero, 'talp-analise-prorrog', 'ANUENTE', dto.justificativa, async (lpco) => {
      if (!lpco.extensionPending) refuse('SEM_PRORROGACAO_PENDENTE', 'numero', `O LPCO ${lpco.number} não tem prorrogação pendente.`);
      const { prorrogacaoSolicitada, ...rest } = lpco.data as { prorrogacaoSolicitada?: string };
      if (dto.deferida && prorrogacaoSolicitada) lpco.validUntil = prorrogacaoSolicitada;
      lpco.extensionPending = false;
      lpco.data = rest;
      return { resultado: dto.deferida ? 'DEFERIDO' : 'INDEFERIDO' };
    });
  }

  /** A DU-E linked to an export LPCO was averbada (shipped) while the LPCO is still under analysis. */
  pendingOnExport(numero: string, dto: PendenciaDueDto) {
    return this.act(numero, 'talp-pend-ta-due', 'SISTEMA', undefined, async (lpco) => {
      if (!lpco.number.startsWith('E')) refuse('OPERACAO_INCOMPATIVEL', 'numero', `O LPCO ${lpco.number} não é de exportação.`);
      const dues = lpco.links.filter((link) => link.tipoOperacao === 'DUE').map((link) => link.numeroOperacao);
      const due = dto.numeroDue ?? dues[0];
      if (!due || !dues.includes(due)) refuse('VINCULO_INEXISTENTE', 'numeroDue', `O LPCO ${lpco.number} não está vinculado a ${due ?? 'uma DU-E'}.`);
      if (LPCO_SITUACOES_VIGENTES.includes(lpco.situation) || LPCO_SITUACOES_SEM_VINCULO.includes(lpco.situation)) {
        refuse('SEM_PENDENCIA', 'numero', `O LPCO ${lpco.number} está ${describe(lpco.situation)}: não há tratamento administrativo pendente.`);
      }
      lpco.data = { ...lpco.data, dueAverbadaComPendencia: due };
      return { numeroDUE: due };
    });
  }

  async find(numero: string) {
    const lpco = LPCO_NUMBER_PATTERN.test(numero) ? await this.dataSource.getRepository(Lpco).findOneBy({ number: numero }) : null;
    return lpco ? { ...view(lpco), dados: lpco.data, historico: lpco.history } : null;
  }

  private move(lpco: Lpco, to: LpcoSituacao, transitions: typeof LPCO_TRANSICOES_ANUENTE, who: string): void {
    if (!transitions[lpco.situation]?.includes(to)) {
      refuse('TRANSICAO_INVALIDA', 'situacao', `O LPCO ${lpco.number} está ${describe(lpco.situation)}: ${who} não pode passá-lo a ${to}.`);
    }
    lpco.situation = to;
  }

  private requireInForce(lpco: Lpco, what: string): void {
    if (!LPCO_SITUACOES_VIGENTES.includes(lpco.situation)) {
      refuse('LPCO_NAO_VIGENTE', 'numero', `O LPCO ${lpco.number} está ${describe(lpco.situation)}: só um LPCO deferido pode ser ${what}.`);
    }
  }

  private act(
    numero: string,
    evento: string,
    autor: Autor,
    justificativa: string | undefined,
    /** Changes the LPCO; answers what the action names in its notification besides the LPCO (SPEC §6). */
    change: (lpco: Lpco, context: WorkContext) => Promise<ActionNames | void>,
  ) {
    return this.unitOfWork.run(async (context) => {
      const lpco = await lockLpco(context.manager, numero);
      const names = await change(lpco, context);
      await this.record(context, lpco, evento, autor, justificativa, false, names ?? {});
      return view(lpco);
    });
  }

  /** Saves the LPCO with its history entry and notifies whoever the event is addressed to, as the LPCO is now. */
  private async record(context: WorkContext, lpco: Lpco, evento: string, autor: Autor, justificativa?: string, insert = false, names: ActionNames = {}) {
    lpco.updatedAt = context.now;
    lpco.history = [
      ...lpco.history,
      { evento, situacao: lpco.situation, autor, ...(justificativa ? { justificativa } : {}), data: formatPortalDate(context.now) },
    ];
    if (insert) await context.manager.insert(Lpco, lpco);
    else await context.manager.save(lpco);
    const recipientType = findCatalogEvent(evento)!.recipientType;
    const recipient = recipientType === 'NI' ? { tipo: 'NI' as const, id: lpco.holderNi } : { tipo: 'ORGAO' as const, id: lpco.orgao };
    await context.emit(evento, [recipient], {
      numeroLPCO: lpco.number,
      codigoModelo: lpco.model,
      novaSituacao: { id: lpco.situation, descricao: LPCO_SITUACOES[lpco.situation] },
      ...(justificativa ? { justificativa } : {}),
      // The interested parties' identifiers, which real receivers read (the only NI a payload carries).
      cpfCnpj: [lpco.holderNi],
      ...names,
    });
  }
}

/** What an LPCO action names in its notification: the linked operation, the analysis result, the DU-E. */
interface ActionNames {
  operacao?: { tipoOperacao: string; numeroOperacao: string };
  resultado?: 'DEFERIDO' | 'INDEFERIDO';
  numeroDUE?: string;
}

async function lockLpco(manager: EntityManager, numero: string): Promise<Lpco> {
  if (!LPCO_NUMBER_PATTERN.test(numero)) refuse('NUMERO_LPCO_INVALIDO', 'numero', 'Número do LPCO inválido: formato OAANNNNNNNN.');
  const lpco = await manager.findOne(Lpco, { where: { number: numero }, lock: { mode: 'pessimistic_write' } });
  if (!lpco) refuse('LPCO_INEXISTENTE', 'numero', `LPCO ${numero} não encontrado.`);
  return lpco;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function view(lpco: Lpco) {
  return {
    numero: lpco.number,
    codigoModelo: lpco.model,
    nomeModelo: lpco.data.nomeModelo,
    orgao: lpco.orgao,
    niInteressado: lpco.holderNi,
    situacao: { id: lpco.situation, descricao: LPCO_SITUACOES[lpco.situation] },
    vinculos: lpco.links,
    retificacaoPendente: lpco.rectificationPending,
    prorrogacaoPendente: lpco.extensionPending,
    dataInicioVigencia: lpco.validFrom,
    dataFimVigencia: lpco.validUntil,
    dataRegistro: formatPortalDateMillis(lpco.registeredAt),
  };
}
