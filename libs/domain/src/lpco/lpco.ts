import type { LPCO_SITUACOES } from '#catalog';

/**
 * LPCO (licenças, permissões, certificados e outros documentos): numbers `OAANNNNNNNN` (operation E/I,
 * year, sequence), form models `ONNNNN`, each model analysed by one órgão anuente.
 */
export const LPCO_NUMBER_PATTERN = /^([EI])(\d{2})(\d{8})$/;
export const LPCO_MODEL_PATTERN = /^[EI]\d{5}$/;

export type LpcoOperacao = 'E' | 'I';

export function buildLpcoNumber(operacao: LpcoOperacao, year: string, sequence: number): string {
  if (!/^\d{2}$/.test(year)) throw new Error(`LPCO year must be 2 digits, got ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99_999_999) throw new Error(`LPCO sequence out of range: ${sequence}`);
  return `${operacao}${year}${String(sequence).padStart(8, '0')}`;
}

/** `SituacaoLpco` ids (descriptions in `LPCO_SITUACOES`, #catalog). */
export type LpcoSituacao = keyof typeof LPCO_SITUACOES;

export interface LpcoModelo {
  orgao: string;
  nome: string;
}

/**
 * Form models the simulator knows, with the órgão anuente that analyses them (simulated catalogue; the
 * names follow the portal's style). Any other model needs `orgao` on registration.
 */
export const LPCO_MODELOS: Readonly<Record<string, LpcoModelo>> = {
  I00101: { orgao: 'ANVISA', nome: 'Licença de Importação de Produtos Sujeitos à Vigilância Sanitária' },
  I00102: { orgao: 'MAPA', nome: 'Autorização de Importação de Produtos de Origem Vegetal' },
  I00103: { orgao: 'INMETRO', nome: 'Licença de Importação de Produtos com Avaliação da Conformidade' },
  I00104: { orgao: 'IBAMA', nome: 'Licença de Importação de Produtos Controlados pelo IBAMA' },
  I00105: { orgao: 'DECEX', nome: 'Licença de Importação - Exame de Similaridade' },
  I00106: { orgao: 'EXERCITO', nome: 'Licença de Importação de Produtos Controlados pelo Exército' },
  E00101: { orgao: 'ANVISA', nome: 'Anuência de Exportação de Produtos Sujeitos à Vigilância Sanitária' },
  E00102: { orgao: 'IBAMA', nome: 'Licença de Exportação de Espécimes da Fauna e Flora (CITES)' },
  E00104: { orgao: 'MAPA', nome: 'Certificação para Produtos de Origem Vegetal - Embarque Antecipado' },
  E00105: { orgao: 'EXERCITO', nome: 'Autorização de Exportação de Produtos Controlados pelo Exército' },
};

/** Situations with no way out. */
export const LPCO_SITUACOES_FINAIS: readonly LpcoSituacao[] = ['CANCELADO', 'ANULADO_REVOGADO', 'VENCIDO'];

/** What the órgão anuente may set from each situation (the portal's `AlterarSituacaoLpcoRequest.situacao`). */
export const LPCO_TRANSICOES_ANUENTE: Readonly<Partial<Record<LpcoSituacao, readonly LpcoSituacao[]>>> = {
  PARA_ANALISE: ['EM_ANALISE', 'DEFERIDO', 'INDEFERIDO', 'CANCELADO'],
  EM_ANALISE: ['PARA_ANALISE', 'DEFERIDO', 'INDEFERIDO', 'CANCELADO'],
  RESPOSTA_EXIGENCIA: ['EM_ANALISE', 'DEFERIDO', 'INDEFERIDO'],
  EM_EXIGENCIA: ['INDEFERIDO', 'CANCELADO'],
  RECURSO_INDEFERIMENTO: ['EM_ANALISE', 'DEFERIDO', 'INDEFERIDO'],
  DEFERIDO: ['ANULADO_REVOGADO', 'AUTORIZACAO_IMPORTACAO_EMITIDA'],
  AUTORIZACAO_IMPORTACAO_EMITIDA: ['ANULADO_REVOGADO'],
};

/** The situations the órgão anuente may set next (`GET /ext/lpco/situacao/{numero}`); an authorisation to import only for import LPCOs. */
export function lpcoAnuenteTargets(situacao: LpcoSituacao, numero: string): readonly LpcoSituacao[] {
  const targets = LPCO_TRANSICOES_ANUENTE[situacao] ?? [];
  return numero.startsWith('I') ? targets : targets.filter((target) => target !== 'AUTORIZACAO_IMPORTACAO_EMITIDA');
}

/** What the importer/exporter may set: withdraw the request, or appeal a refusal. */
export const LPCO_TRANSICOES_INTERESSADO: Readonly<Partial<Record<LpcoSituacao, readonly LpcoSituacao[]>>> = {
  PARA_ANALISE: ['CANCELADO'],
  EM_ANALISE: ['CANCELADO'],
  EM_EXIGENCIA: ['CANCELADO'],
  RESPOSTA_EXIGENCIA: ['CANCELADO'],
  INDEFERIDO: ['RECURSO_INDEFERIMENTO'],
};

/** Where the anuente may lay down a requirement. */
export const LPCO_SITUACOES_EXIGIVEIS: readonly LpcoSituacao[] = ['PARA_ANALISE', 'EM_ANALISE', 'RESPOSTA_EXIGENCIA', 'RECURSO_INDEFERIMENTO'];

/** An LPCO in force: it can be linked to operations, rectified and extended. */
export const LPCO_SITUACOES_VIGENTES: readonly LpcoSituacao[] = ['DEFERIDO', 'AUTORIZACAO_IMPORTACAO_EMITIDA'];

/** Linking to an operation is refused once the LPCO is refused or ended. */
export const LPCO_SITUACOES_SEM_VINCULO: readonly LpcoSituacao[] = ['INDEFERIDO', 'CANCELADO', 'ANULADO_REVOGADO', 'VENCIDO'];
