import { formatPortalDate, formatPortalDateMillis } from '#clock';
import { DUIMP_SITUACOES, type DuimpSituacao, type UfInteresse } from './duimp-codes.js';
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

export interface DuimpCurrentState {
  situacao: DuimpSituacao;
  versaoVigente: number;
  versaoVigenteRegistradaEm: Date;
  /** `dadosTributos.indicadorCumprimentoICMS`: 1 paid, 2 cancelled; absent while nothing happened. */
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
        ...(state.indicadorCumprimentoICMS ? { indicadorCumprimentoICMS: state.indicadorCumprimentoICMS } : {}),
        ...resumo.dadosTributos,
      },
    },
    itensHistorico: historico.map(toSefazHistEvento),
    ...(withItems ? { itens: versionCover.itens } : {}),
  };
}
