import { createHash } from 'node:crypto';
import { LPCO_SITUACOES } from '#catalog';
import type { Lpco, LpcoHistoryEntry } from '#database';

/**
 * TA-LPCO's published shapes of the simulator's LPCO rows. The portal mixes date formats by model
 * (`LpcoDetalhado` ISO UTC, `ConsultarLpcoResponse` and `ExigenciaLpcoResponse` dd/MM/yyyy): kept as published.
 */

/** When the version of every simulated form model came into force (the simulator keeps one version per model). */
const MODELO_VIGENCIA_INICIO = '2020-01-01T00:00Z';

/** `2026-12-01T10:00:00-0300` (how history entries are stored) → an instant. */
const instant = (portalDate: string) => new Date(portalDate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

/** `yyyy-MM-dd` or a stored portal date → `dd/MM/yyyy` (the Brasília calendar day). */
const ddMMyyyy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const situacaoDescricao = (lpco: Lpco) => LPCO_SITUACOES[lpco.situation];

/** When the LPCO entered its current situation: the first of the trailing history entries in it. */
function situationSince(lpco: Lpco): Date {
  let since = lpco.registeredAt;
  for (let index = lpco.history.length - 1; index >= 0 && lpco.history[index].situacao === lpco.situation; index--) {
    since = instant(lpco.history[index].data);
  }
  return since;
}

/** The 32-hex public access key: fixed per LPCO, unguessable without its registration instant. */
export function chaveAcesso(lpco: Lpco): string {
  return createHash('sha256').update(`${lpco.number}:${lpco.registeredAt.toISOString()}`).digest('hex').slice(0, 32);
}

/** `CampoLpcoResponse[]`: the form's general data under the portal's field codes. */
function camposFormulario(lpco: Lpco) {
  const importacao = lpco.number.startsWith('I');
  const data = lpco.data as Record<string, string | number | undefined>;
  const campos: Array<{ codigo: string; listaValor: string[]; unidadeMedida?: string }> = [
    { codigo: importacao ? 'CPF_CNPJ_IMPORTADOR' : 'CPF_CNPJ_EXPORTADOR', listaValor: [lpco.holderNi] },
    { codigo: 'NCM', listaValor: [String(data.ncm)] },
    { codigo: 'QTDE_ESTATISTICA', listaValor: [String(data.quantidade)], unidadeMedida: String(data.unidadeMedida) },
    { codigo: 'PESO_LIQUIDO_TOTAL', listaValor: [String(data.pesoLiquidoKg)] },
    { codigo: 'VALOR_UNITARIO_CONDICAO_VENDA', listaValor: [String(data.valorUnitarioUsd)] },
  ];
  if (data.paisOrigem) campos.push({ codigo: 'PAIS_ORIGEM', listaValor: [String(data.paisOrigem)] });
  if (data.paisDestino) campos.push({ codigo: 'PAIS_DESTINO', listaValor: [String(data.paisDestino)] });
  return campos;
}

/** `LpcoDetalhado`. */
export function toLpcoDetalhado(lpco: Lpco) {
  return {
    ...(lpco.validFrom ? { dataInicioVigencia: `${lpco.validFrom}T00:00:00.000Z` } : {}),
    ...(lpco.validUntil ? { dataFimVigencia: `${lpco.validUntil}T00:00:00.000Z` } : {}),
    numero: lpco.number,
    codigoModelo: lpco.model,
    dataInicioVigenciaModelo: MODELO_VIGENCIA_INICIO,
    orgao: lpco.orgao,
    situacao: { id: lpco.situation, descricao: situacaoDescricao(lpco) },
    dataSituacaoAtual: situationSince(lpco).toISOString(),
    chaveAcesso: chaveAcesso(lpco),
    prorrogacaoPendente: lpco.extensionPending,
    retificacaoPendente: lpco.rectificationPending,
    dataRegistro: lpco.registeredAt.toISOString(),
    listaCamposFormulario: camposFormulario(lpco),
    listaVinculos: lpco.links.map((link) => ({
      dataVinculo: ddMMyyyy(link.dataVinculo),
      numeroDocumento: link.numeroOperacao,
      // The simulator links whole operations: the first item stands for it.
      numeroDocumentoItem: 1,
    })),
  };
}

/** `ConsultarLpcoResponse`: one line of `/ext/lpco/consulta`. */
export function toConsultarLpcoResponse(lpco: Lpco, registeredOn: string) {
  const dues = lpco.links.filter((link) => link.tipoOperacao === 'DUE').map((link) => link.numeroOperacao);
  return {
    numero: lpco.number,
    dataRegistro: ddMMyyyy(registeredOn),
    situacao: situacaoDescricao(lpco),
    codigoModelo: lpco.model,
    dataInicioVigenciaModelo: MODELO_VIGENCIA_INICIO,
    nome: String(lpco.data.nomeModelo).slice(0, 100),
    ...(lpco.validFrom ? { dataInicioVigencia: ddMMyyyy(lpco.validFrom) } : {}),
    ...(lpco.validUntil ? { dataFimVigencia: ddMMyyyy(lpco.validUntil) } : {}),
    ...(dues.length ? { dueVinculada: dues.join(',') } : {}),
    prorrogacaoPendente: lpco.extensionPending,
    retificacaoPendente: lpco.rectificationPending,
    dataSituacaoAtual: situationSince(lpco).toISOString(),
  };
}

/** `ItemHistoricoLpcoResponse[]`, oldest first; `usuario` is left out: the simulator records no CPF. */
export function toHistorico(lpco: Lpco) {
  return lpco.history.map((entry) => ({
    dataAlteracao: instant(entry.data).toISOString(),
    situacao: LPCO_SITUACOES[entry.situacao],
    ...(entry.justificativa ? { justificativa: entry.justificativa } : {}),
  }));
}

const SITUACAO_EXIGENCIA = {
  PENDENTE: { id: '0', descricao: 'Pendente' },
  CUMPRIDA: { id: '1', descricao: 'Cumprida' },
  CANCELADA: { id: '2', descricao: 'Cancelada' },
} as const;

/**
 * `ExigenciaLpcoResponse[]`, numbered 1, 2... in order, read from the history: an exigência is
 * cumprida once answered, pendente while the LPCO still waits on it, cancelada when the LPCO moved on without an answer.
 */
export function toExigencias(lpco: Lpco) {
  const exigencias: Array<Record<string, unknown>> = [];
  let open: Record<string, unknown> | undefined;
  const close = (situacao: (typeof SITUACAO_EXIGENCIA)[keyof typeof SITUACAO_EXIGENCIA], answer?: LpcoHistoryEntry) => {
    if (!open) return;
    open.situacao = situacao;
    if (answer) Object.assign(open, { ...(answer.justificativa ? { resposta: answer.justificativa } : {}), dataResposta: ddMMyyyy(answer.data) });
    open = undefined;
  };
  for (const entry of lpco.history) {
    if (entry.evento === 'talp-inclusao-exig') {
      close(SITUACAO_EXIGENCIA.CANCELADA);
      open = { numero: exigencias.length + 1, exigencia: entry.justificativa ?? '', dataExigencia: ddMMyyyy(entry.data) };
      exigencias.push(open);
    } else if (entry.evento === 'talp-resposta-exig') {
      close(SITUACAO_EXIGENCIA.CUMPRIDA, entry);
    } else if (open && entry.situacao !== 'EM_EXIGENCIA') {
      close(SITUACAO_EXIGENCIA.CANCELADA);
    }
  }
  close(SITUACAO_EXIGENCIA.PENDENTE);
  return exigencias;
}
