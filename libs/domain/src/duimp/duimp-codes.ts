import type { TIPOS_INTERESSE, Uf } from '#catalog';

/** Why a Sefaz is interested in a Duimp (`UfInteresseSefaz.tipoInteresse`). */
export type TipoInteresse = (typeof TIPOS_INTERESSE)[number];

export interface UfInteresse {
  uf: Uf;
  tipoInteresse: TipoInteresse;
}

/** `canalSelecao`: 1 verde, 12 amarelo, 3 vermelho, 15 cinza. */
export type Canal = '1' | '12' | '3' | '15';
export const CANAIS: Record<Canal, string> = { '1': 'VERDE', '12': 'AMARELO', '3': 'VERMELHO', '15': 'CINZA' };

/** `situacaoDeclaracao.codigo` of the version in force, with the portal's descriptions. */
export const DUIMP_SITUACOES = {
  '11': 'Registrada. Aguardando Resultado da Análise de Risco',
  '12': 'Registrada. Aguardando Resultado da Análise de Risco (Retificação)',
  '31': 'Em Conferência',
  '36': 'Em Conferência. Pendente de Análise de Risco',
  '37': 'Em Conferência. Pendente de Análise do Responsável',
  '40': 'Desembaraçada. Aguardando Cumprimento de Tributos Estaduais',
  '42': 'Desembaraçada. Aguardando Entrega da Carga',
  '43': 'Desembaraçada. Carga Entregue',
  '50': 'Entrega Antecipada Autorizada. Aguardando Cumprimento de Tributos Estaduais',
  '52': 'Entrega Antecipada Autorizada. Aguardando Entrega da Carga',
  '53': 'Entrega Antecipada Autorizada. Carga Entregue',
  '80': 'Cancelada. Por Apuração Especial',
  '82': 'Cancelada. Pela Aduana a pedido do importador',
} as const;
export type DuimpSituacao = keyof typeof DUIMP_SITUACOES;

/** Registered, not cleared, not delivered, not cancelled: the despacho is still running. */
export const SITUACOES_EM_DESPACHO: readonly DuimpSituacao[] = ['11', '12', '31', '36', '37'];
export const SITUACOES_DESEMBARACADA: readonly DuimpSituacao[] = ['40', '42', '43'];
export const SITUACOES_ENTREGA_ANTECIPADA: readonly DuimpSituacao[] = ['50', '52', '53'];
export const SITUACOES_CANCELADA: readonly DuimpSituacao[] = ['80', '82'];
export const SITUACOES_CARGA_ENTREGUE: readonly DuimpSituacao[] = ['43', '53'];

/**
 * Entries of the Duimp history (`itensHistorico[].evento.codigo`) the simulator writes, with the
 * portal's descriptions. `evento` names the entry in the Sefaz events API (`EventoEnum`) and in the
 * webhook payloads (`DUIMP_PAYLOAD_EVENTOS` in #catalog); `REGISTRO` is the simulator's name for the
 * registration, which the polling API's EventoEnum does not list.
 */
export const DUIMP_HISTORICO = {
  REGISTRADA: { codigo: '1', descricao: 'Declaração registrada', evento: 'REGISTRO' },
  RETIFICADA: { codigo: '4', descricao: 'Declaração Retificada', evento: 'RETIFICACAO' },
  CARGA_ENTREGUE: { codigo: '13', descricao: 'Carga entregue', evento: 'ENTREGA_CARGA' },
  PAGAMENTO_FEDERAL: { codigo: '31', descricao: 'Pagamento dos tributos federais realizado', evento: null },
  ICMS_DECLARADO: { codigo: '32', descricao: 'ICMS declarado', evento: null },
  ICMS_CANCELADO: { codigo: '33', descricao: 'ICMS cancelado', evento: null },
  LIBERADA_SEM_CONFERENCIA: { codigo: '51', descricao: 'Liberada sem conferência aduaneira', evento: null },
  SELECIONADA_CONFERENCIA: { codigo: '52', descricao: 'Selecionada para conferência aduaneira', evento: null },
  CANCELADA: { codigo: '71', descricao: 'Declaração cancelada', evento: 'DECLARACAO_CANCELADA' },
  ENTREGA_SEM_PD: { codigo: '411', descricao: 'Autorização de entrega sem prosseguimento do despacho', evento: null },
  ENTREGA_COM_PD: { codigo: '412', descricao: 'Autorização de entrega com prosseguimento do despacho', evento: null },
  DESEMBARACO_AUTOMATICO: {
    codigo: '418',
    descricao: 'Declaração desembaraçada sem conferência aduaneira',
    evento: 'DESEMBARACO_AUTOMATICO_SEM_CONFERENCIA',
  },
  DESEMBARACO_EFETUADO: { codigo: '419', descricao: 'Desembaraço efetuado', evento: 'DESEMBARACO_EFETUADO' },
  DESEMBARACO_AUTOMATICO_SEM_INSPECAO: {
    codigo: '427',
    descricao: 'Declaração desembaraçada sem conferência aduaneira e conferência do anuente',
    evento: 'DESEMBARACO_AUTOMATICO_SEM_CONFERENCIA_SEM_INSPECAO',
  },
  DESEMBARACO_DECISAO_JUDICIAL: {
    codigo: '428',
    descricao: 'Desembaraço efetuado por decisão judicial',
    evento: 'DESEMBARACO_EFETUADO_DECISAO_JUDICIAL',
  },
} as const;
export type DuimpHistoricoEntry = (typeof DUIMP_HISTORICO)[keyof typeof DUIMP_HISTORICO];

/** The Sefaz events API's `EventoEnum`: the entries `GET /eventos` lists. */
export const SEFAZ_EVENTO_ENUM = [
  'DESEMBARACO_EFETUADO',
  'DESEMBARACO_EFETUADO_DECISAO_JUDICIAL',
  'DESEMBARACO_AUTOMATICO_SEM_CONFERENCIA',
  'DESEMBARACO_AUTOMATICO_SEM_CONFERENCIA_SEM_INSPECAO',
  'ENTREGA_CARGA',
  'RETIFICACAO',
  'DECLARACAO_CANCELADA',
] as const;
export type SefazEventoEnum = (typeof SEFAZ_EVENTO_ENUM)[number];


/** The UFs of interest: clearance, importer's domicile and, when importing for a third party, its domicile. */
export function deriveUfsInteresse(ufDespacho: Uf, ufImportador: Uf, ufTerceiro?: Uf | null): UfInteresse[] {
  const ufs: UfInteresse[] = [
    { uf: ufDespacho, tipoInteresse: 'DESPACHO' },
    { uf: ufImportador, tipoInteresse: 'IMPORTADOR' },
  ];
  if (ufTerceiro) ufs.push({ uf: ufTerceiro, tipoInteresse: 'TERCEIRO' });
  return ufs;
}

/** Each UF once: one Sefaz is notified once even when it is interested for two reasons. */
export function distinctUfs(ufs: readonly UfInteresse[]): Uf[] {
  return [...new Set(ufs.map((entry) => entry.uf))];
}
