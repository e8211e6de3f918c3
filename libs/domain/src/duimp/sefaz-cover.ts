import { formatPortalDate, formatPortalDateMillis } from '#clock';
import { DUIMP_HISTORICO, DUIMP_SITUACOES, type DuimpSituacao, type UfInteresse } from './duimp-codes.js';
import { formatDuimpVersion } from './duimp-number.js';

/** One entry of a Duimp's history, as stored (see the `duimp_event` table). */
export interface DuimpHistoryRecord {
  numero: string;
  versao: number;
  codigo: string;
  descricao: string;
  /** The Sefaz events API / webhook name of the entry, when it has one. */
  evento: string | null;
  occurredAt: Date;
  ufs: UfInteresse[];
}

/** `SefazDuimpHistEventoCover`. */
export function toSefazHistEvento(record: DuimpHistoryRecord) {
  return {
    numeroDuimp: record.numero,
    versaoDuimp: formatDuimpVersion(record.versao),
    evento: { codigo: record.codigo, descricao: record.descricao },
    dataHora: formatPortalDateMillis(record.occurredAt),
  };
}

/** `DuimpUltimosEventosCover`: an item of the Sefaz events API (only entries whose `evento` is in `SEFAZ_EVENTO_ENUM`). */
export function toDuimpUltimoEvento(record: DuimpHistoryRecord) {
  return {
    numero: record.numero,
    versao: record.versao,
    evento: record.evento,
    dataEvento: formatPortalDate(record.occurredAt),
    ufs: record.ufs,
  };
}

/**
 * `dadosTributos.indicadorCumprimentoICMS` from the history: the latest ICMS entry decides,
 * 32 "ICMS declarado" → '1' (pago), 33 "ICMS cancelado" → '2'; none yet → absent.
 */
export function indicadorCumprimentoIcms(historico: readonly DuimpHistoryRecord[]): '1' | '2' | undefined {
  for (let index = historico.length - 1; index >= 0; index--) {
    if (historico[index].codigo === DUIMP_HISTORICO.ICMS_DECLARADO.codigo) return '1';
    if (historico[index].codigo === DUIMP_HISTORICO.ICMS_CANCELADO.codigo) return '2';
  }
  return undefined;
}

export interface DuimpCurrentState {
  situacao: DuimpSituacao;
  versaoVigente: number;
  versaoVigenteRegistradaEm: Date;
  /** `dadosTributos.indicadorCumprimentoICMS`: 1 paid, 2 cancelled; taken from the history when not given. */
  indicadorCumprimentoICMS?: '1' | '2';
}

/**
 * `SefazDuimpCover` of one version, in the model's property order: the version's stored cover plus the
 * Duimp's current state and history. Leave `itens` out for `SefazDuimpDadosGeraisCover`.
 */
export function assembleSefazDuimpCover(
  versionCover: Record<string, any>,
  state: DuimpCurrentState,
  historico: DuimpHistoryRecord[],
  { withItems = true } = {},
): Record<string, unknown> {
  const resumo = versionCover.sefazDadosResumo ?? {};
  const indicador = state.indicadorCumprimentoICMS ?? indicadorCumprimentoIcms(historico);
  const { indicadorCumprimentoICMS: _stored, ...tributos } = resumo.dadosTributos ?? {};
  return {
    numeroDeclaracao: versionCover.numeroDeclaracao,
    versaoDeclaracao: versionCover.versaoDeclaracao,
    situacaoDeclaracao: { codigo: state.situacao, descricao: DUIMP_SITUACOES[state.situacao] },
    versaoDeclaracaoVigente: formatDuimpVersion(state.versaoVigente),
    dataHoraCriacao: versionCover.dataHoraCriacao,
    dataHoraRegistro: versionCover.dataHoraRegistro,
    dataHoraRegistroVersaoVigente: formatPortalDateMillis(state.versaoVigenteRegistradaEm),
    cpfResponsavel: versionCover.cpfResponsavel,
    tipoImportador: versionCover.tipoImportador,
    niImportador: versionCover.niImportador,
    nomeImportador: versionCover.nomeImportador,
    ufImportador: versionCover.ufImportador,
    canalSelecao: versionCover.canalSelecao,
    equipesTrabalho: versionCover.equipesTrabalho,
    informacoesSituacaoEspecialDespacho: versionCover.informacoesSituacaoEspecialDespacho,
    dadosCarga: versionCover.dadosCarga,
    documentosInstrutivoDespacho: versionCover.documentosInstrutivoDespacho,
    processosVinculados: versionCover.processosVinculados,
    docDeclaracoesExportacaoEstrangeira: versionCover.docDeclaracoesExportacaoEstrangeira,
    sefazDadosResumo: {
      ...resumo,
      dadosTributos: {
        // First in the model's property order; the Duimp's current ICMS state, never a version's stored one.
        ...(indicador ? { indicadorCumprimentoICMS: indicador } : {}),
        ...tributos,
      },
    },
    itensHistorico: historico.map(toSefazHistEvento),
    ...(withItems ? { itens: versionCover.itens } : {}),
  };
}
