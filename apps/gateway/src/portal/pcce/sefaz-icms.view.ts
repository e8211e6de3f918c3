import type { IcmsRequest } from '#database';

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
  const view: Record<string, unknown> = {};
  for (const field of SOLICITACAO_CALCULO_FIELDS) {
    if (request.request[field] !== undefined && request.request[field] !== null) view[field] = request.request[field];
  }
  view.situacaoSolicitacao = request.status;
  view.historico = request.history.map(toSituacaoHistorico);
  return view;
}
