import type { IcmsRequest } from '#database';
import { type DuimpSituacao, SITUACOES_CARGA_ENTREGUE, SITUACOES_ICMS_CUMPRIDAS, SITUACOES_ICMS_PENDENTES } from '#domain';

/** `SolicitacaoCalculoIcmsDto` fields in the model's property order (`opcaoIcms` is not simulated). */
const SOLICITACAO_CALCULO_FIELDS = [
  'cnaeAdquirente',
  'cnaeImportador',
  'codMunicipioDesembaracoPretendido',
  'cpfSolicitante',
  'descricaoDespesasAduaneiras',
  'informacoesComplementares',
  'numeroDeclaracao',
  'opcaoIcms',
  'tipoDeclaracao',
  'tipoSolicitacao',
  'tipoTratamento',
  'ufAdquirente',
  'ufFavorecida',
  'ufImportador',
  'valorAfrmm',
  'valorDespesasAduaneiras',
  'versaoDeclaracao',
] as const;

/** `SituacaoHistoricoDto` in its property order. */
function toSituacaoHistorico(entry: Record<string, unknown>) {
  return {
    ...(entry.comentario ? { comentario: entry.comentario } : {}),
    cpfResponsavel: entry.cpfResponsavel,
    dataSituacao: entry.dataSituacao,
    descricaoSituacao: entry.descricaoSituacao,
  };
}

/**
 * `GET /icms/consulta/calculo/{numero}/{versao}`: the request as `SolicitacaoCalculoIcmsDto`, then where it
 * stands with the names `SolicitacaoIcmsDto` gives them (`situacaoSolicitacao`, `historico`), so the Sefaz
 * sees what its calculation, credit or cancellation did. (jsonb keeps no key order: the order is set here.)
 */
export function toSolicitacaoCalculoView(request: IcmsRequest): Record<string, unknown> {
  const view = pick(request.request, SOLICITACAO_CALCULO_FIELDS);
  view.situacaoSolicitacao = request.status;
  view.historico = request.history.map(toSituacaoHistorico);
  return view;
}

/** `GuiaIcmsDto` fields in the model's property order. */
const GUIA_FIELDS = [
  'codigoBarrasGuia',
  'codigoReceita',
  'dataCancelamento',
  'dataLimitePagamento',
  'dataPagamento',
  'dataVencimento',
  'descricaoCodigoReceita',
  'geradorGuia',
  'linhaDigitavel',
  'numeroControle',
  'valorAtualizacaoMonetaria',
  'valorCalculado',
  'valorDevido',
  'valorJuros',
  'valorMulta',
  'valorTotal',
] as const;

function pick(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const field of fields) if (source[field] !== undefined && source[field] !== null) view[field] = source[field];
  return view;
}

/** `status`, "observação conforme o tipo de tratamento": whether the declaration lets the cargo go (the delivery gate's rule). */
function cargoNote(request: IcmsRequest): string | undefined {
  if (SITUACOES_ICMS_PENDENTES.includes(request.status)) {
    return 'Entrega da carga não permitida. ICMS pendente de cálculo, pagamento ou exoneração no Portal Único Siscomex.';
  }
  if (SITUACOES_ICMS_CUMPRIDAS.includes(request.status)) return 'Entrega da carga permitida. ICMS declarado no Portal Único Siscomex.';
  return undefined;
}

/**
 * `GET /icms/consulta/{numero}`: a declaration as `SolicitacaoIcmsDto`, in the model's property order. The
 * request gives what the importer declared, the Sefaz's calculation and credit what it answered (with the
 * model's spellings `numMandadoJudicial`, `valorCIFPagamento`, `valorTotalARecolher`), and `guias` lists the
 * guides not cancelled.
 */
export function toSolicitacaoIcmsView(request: IcmsRequest, duimpSituation: DuimpSituacao): Record<string, unknown> {
  const asked = request.request;
  const result = request.result ?? {};
  const credit = request.credit ?? {};
  const view: Record<string, unknown> = {
    cargaEntregue: SITUACOES_CARGA_ENTREGUE.includes(duimpSituation),
    ...pick(asked, ['cnaeAdquirente', 'cnaeImportador', 'codMunicipioDesembaracoPretendido', 'cpfSolicitante']),
    dataConfirmacaoCredito: credit.dataConfirmacaoCredito ?? result.dataConfirmacaoCredito,
    descricaoDespesasAduaneiras: result.descricaoDespesasAduaneiras ?? asked.descricaoDespesasAduaneiras,
    guias: request.guides.filter((guia) => !guia.dataCancelamento).map((guia) => pick(guia, GUIA_FIELDS)),
    historico: request.history.map(toSituacaoHistorico),
    informacoesComplementares: asked.informacoesComplementares,
    numMandadoJudicial: result.numeroMandadoJudicial,
    numeroDeclaracao: asked.numeroDeclaracao,
    opcaoIcms: asked.opcaoIcms,
    periodoReferencia: result.periodoReferencia,
    situacaoSolicitacao: request.status,
    status: cargoNote(request),
    tipoDeclaracao: asked.tipoDeclaracao,
    tipoSolicitacao: request.requestType,
    tipoTratamento: request.treatment,
    ufAdquirente: asked.ufAdquirente,
    ufFavorecida: request.uf,
    ufImportador: asked.ufImportador,
    valorAfrmm: result.valorAfrmm ?? asked.valorAfrmm,
    valorCIFExonerado: result.valorCIFExonerado,
    valorCIFPagamento: result.valorCifPagamento,
    valorDespesasAduaneiras: result.valorDespesasAduaneiras ?? asked.valorDespesasAduaneiras,
    valorTotalARecolher: result.valorTotalaRecolher,
    valorTotalCredito: credit.valorTotalCredito ?? result.valorTotalCredito,
    valorTotalDevido: result.valorTotalDevido,
    versaoDeclaracao: asked.versaoDeclaracao,
  };
  return pick(view, Object.keys(view));
}
