import type { TIPOS_SOLICITACAO_ICMS } from '#catalog';

/** PCCE (ICMS on imports): the calculation requests a Duimp's importer makes to a Sefaz. */

export type TipoSolicitacaoIcms = (typeof TIPOS_SOLICITACAO_ICMS)[number];

export const TIPOS_TRATAMENTO_ICMS = ['MANUAL', 'DECLARATORIO', 'AUTOMATICO', 'CALCULO_SEFAZ'] as const;
export type TipoTratamentoIcms = (typeof TIPOS_TRATAMENTO_ICMS)[number];

/** `situacaoSolicitacao` (SolicitacaoIcmsDto). */
export const SITUACOES_SOLICITACAO_ICMS = [
  'DUIMP_DECLARADA',
  'DUIMP_CANCELADA_IMPORTADOR',
  'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO',
  'DUIMP_PAGA_EXONERADA',
  'DUIMP_CANCELADA_AUTOMATICAMENTE',
  'DUIMP_AGUARDANDO_DOCUMENTACAO',
  'DUIMP_AGUARDANDO_EXIGENCIA',
  'DUIMP_A_DISTRIBUIR',
  'DUIMP_A_DISTRIBUIR_RETORNO',
  'DUIMP_DISTRIBUIDA',
  'DUIMP_SOLICITACAO_AUTORIZADA_SEFAZ',
  'DUIMP_SOLICITACAO_INDEFERIDA',
  'DUIMP_DECLARADA_PAGA',
  'DUIMP_CALCULO_SOLICITADO',
  'DUIMP_CALCULO_INDEFERIDO',
] as const;
export type SituacaoSolicitacaoIcms = (typeof SITUACOES_SOLICITACAO_ICMS)[number];

/** `tipoRetorno` of the Sefaz's calculation (SefazDadosIcmsDto). */
export const TIPOS_RETORNO_ICMS = ['CALCULADO_A_PAGAR', 'SEM_VALOR_A_PAGAR', 'INDEFERIDO'] as const;
export type TipoRetornoIcms = (typeof TIPOS_RETORNO_ICMS)[number];

/** `geradorGuia`: who issues the payment guide. */
export const GERADORES_GUIA_ICMS = ['ESTADO', 'GNRE'] as const;
export type GeradorGuiaIcms = (typeof GERADORES_GUIA_ICMS)[number];

/**
 * The request's life in the simulator:
 *   DUIMP_CALCULO_SOLICITADO --(Sefaz: CALCULADO_A_PAGAR)--> DUIMP_PENDENTE_PAGAMENTO_EXONERACAO --(credit)--> DUIMP_DECLARADA_PAGA
 *   DUIMP_CALCULO_SOLICITADO --(Sefaz: SEM_VALOR_A_PAGAR)--> DUIMP_PAGA_EXONERADA
 *   DUIMP_CALCULO_SOLICITADO --(Sefaz: INDEFERIDO)--> DUIMP_CALCULO_INDEFERIDO
 *   pending --(importer cancels)--> DUIMP_CANCELADA_IMPORTADOR; --(Duimp cancelled)--> DUIMP_CANCELADA_AUTOMATICAMENTE
 *   DUIMP_PENDENTE_PAGAMENTO_EXONERACAO --(split payment: last NF-e released, SEM_VALOR_A_PAGAR)--> DUIMP_PAGA_EXONERADA
 *   declared (a pagar, paga/exonerada, paga) --(Sefaz cancels its declaration)--> DUIMP_CALCULO_SOLICITADO
 * The last one is the simulator's reading of `PUT /icms/cancelamento`: the portal has no "cancelled by
 * the Sefaz" situation, and its docs expect a new declaration to follow, so the request waits for one.
 * A Duimp has at most one pending request at a time.
 */
export const SITUACOES_ICMS_PENDENTES: readonly SituacaoSolicitacaoIcms[] = ['DUIMP_CALCULO_SOLICITADO', 'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO'];

/** A declaração de ICMS the Sefaz created with its calculation: what `PUT /icms/cancelamento` may cancel. */
export const SITUACOES_ICMS_DECLARADAS: readonly SituacaoSolicitacaoIcms[] = [
  'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO',
  'DUIMP_PAGA_EXONERADA',
  'DUIMP_DECLARADA_PAGA',
];

export const ICMS_TRANSITIONS: Readonly<Partial<Record<SituacaoSolicitacaoIcms, readonly SituacaoSolicitacaoIcms[]>>> = {
  DUIMP_CALCULO_SOLICITADO: [
    'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO',
    'DUIMP_PAGA_EXONERADA',
    'DUIMP_CALCULO_INDEFERIDO',
    'DUIMP_CANCELADA_IMPORTADOR',
    'DUIMP_CANCELADA_AUTOMATICAMENTE',
  ],
  DUIMP_PENDENTE_PAGAMENTO_EXONERACAO: [
    'DUIMP_DECLARADA_PAGA',
    'DUIMP_PAGA_EXONERADA',
    'DUIMP_CANCELADA_IMPORTADOR',
    'DUIMP_CANCELADA_AUTOMATICAMENTE',
    'DUIMP_CALCULO_SOLICITADO',
  ],
  DUIMP_PAGA_EXONERADA: ['DUIMP_CALCULO_SOLICITADO'],
  DUIMP_DECLARADA_PAGA: ['DUIMP_CALCULO_SOLICITADO'],
};

/** Where the Sefaz's calculation moves a pending request. */
export const SITUACAO_APOS_CALCULO: Readonly<Record<TipoRetornoIcms, SituacaoSolicitacaoIcms>> = {
  CALCULADO_A_PAGAR: 'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO',
  SEM_VALOR_A_PAGAR: 'DUIMP_PAGA_EXONERADA',
  INDEFERIDO: 'DUIMP_CALCULO_INDEFERIDO',
};

/** The ICMS obligation is met (paid, exonerated or nothing due): the Duimp's history gets "ICMS declarado". */
export const SITUACOES_ICMS_CUMPRIDAS: readonly SituacaoSolicitacaoIcms[] = ['DUIMP_PAGA_EXONERADA', 'DUIMP_DECLARADA_PAGA'];

export function canMoveIcms(from: SituacaoSolicitacaoIcms, to: SituacaoSolicitacaoIcms): boolean {
  return ICMS_TRANSITIONS[from]?.includes(to) ?? false;
}

/** Common CNAE codes of importers (the request's `cnaeImportador`). */
export const CNAES_IMPORTADOR = ['4689399', '4649499', '4669999', '4530701', '4644301', '4639701', '2930103', '4651601'];

/** `tipoRetorno` of `POST /icms/fracionado`: NF-e still to release, or all released (the declaration is met). */
export const TIPOS_RETORNO_FRACIONADO = ['CALCULADO_A_PAGAR', 'SEM_VALOR_A_PAGAR'] as const;
export type TipoRetornoFracionado = (typeof TIPOS_RETORNO_FRACIONADO)[number];

/**
 * The NF-e released under a split payment: the portal keeps the union of every call, ignoring repeats,
 * in the order they first arrived.
 */
export function mergeReleasedInvoices(released: readonly string[], received: readonly string[]): string[] {
  return [...new Set([...released, ...received])];
}

/** The parts of a payment guide whose sum is `valorTotal` ("devidos + juros + multa + atualização monetária"). */
export interface GuideValues {
  valorDevido: number;
  valorJuros?: number;
  valorMulta?: number;
  valorAtualizacaoMonetaria?: number;
  valorTotal: number;
}

/** Compared in cents: 8.0 + 1.28 + 1.0 + 0.52 is 10.8 for the portal, not 10.799999999999999. */
export function guideTotalMatches(guide: GuideValues): boolean {
  const cents = (value = 0) => Math.round(value * 100);
  const parts = cents(guide.valorDevido) + cents(guide.valorJuros) + cents(guide.valorMulta) + cents(guide.valorAtualizacaoMonetaria);
  return parts === cents(guide.valorTotal);
}
