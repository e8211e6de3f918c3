/** Who receives an event: a Sefaz by UF, an órgão anuente, or a private interveniente by NI. */
export type RecipientType = 'UF' | 'ORGAO' | 'NI';

/** Kinds of interveniente in the authorization base. */
export type IntervenienteTipo = 'SEFAZ' | 'ANUENTE' | 'PRIVADO';

export type SourceSystem = 'Duimp' | 'PCCE' | 'Anexação' | 'TA-LPCO';

export interface CatalogEvent {
  /** Portal id, at most 20 characters, prefixed by the source system. */
  id: string;
  descricao: string;
  sistema: SourceSystem;
  recipientType: RecipientType;
}

const RECIPIENT_TIPO: Record<RecipientType, IntervenienteTipo> = { UF: 'SEFAZ', ORGAO: 'ANUENTE', NI: 'PRIVADO' };

const duimp = (id: string, descricao: string): CatalogEvent => ({ id, descricao, sistema: 'Duimp', recipientType: 'UF' });
const lpcoToAnuente = (id: string, descricao: string): CatalogEvent => ({ id, descricao, sistema: 'TA-LPCO', recipientType: 'ORGAO' });
const lpcoToHolder = (id: string, descricao: string): CatalogEvent => ({ id, descricao, sistema: 'TA-LPCO', recipientType: 'NI' });

/** The seed's event catalogue (SPEC §6). */
export const EVENT_CATALOG: readonly CatalogEvent[] = [
  duimp('dimp-registro', 'Registro de Duimp'),
  duimp('dimp-retificacao', 'Retificação de Duimp'),
  duimp('dimp-entrega-com-pd', 'Autorização de Entrega com prosseguimento do Despacho'),
  duimp('dimp-entrega-sem-pd', 'Autorização de Entrega sem prosseguimento do Despacho'),
  duimp('dimp-cancelamento', 'Cancelamento de Duimp'),
  duimp('dimp-desembaraco', 'Desembaraço de Duimp'),
  { id: 'pcce-calculo-icms', descricao: 'Solicitação de Cálculo do Pagamento ou Exoneração do ICMS', sistema: 'PCCE', recipientType: 'UF' },
  { id: 'pcce-cancela-icms', descricao: 'Notificação de cancelamento de solicitação de ICMS', sistema: 'PCCE', recipientType: 'UF' },
  { id: 'anex-docs-sefaz', descricao: 'Disponibilização de documentos para a Sefaz', sistema: 'Anexação', recipientType: 'UF' },
  lpcoToAnuente('talp-registro-lpco', 'Registro de LPCO'),
  lpcoToAnuente('talp-incvinc-lpco', 'Inclusão de vínculo de LPCO com operação'),
  lpcoToAnuente('talp-cancvinc-lpco', 'Cancelamento de vínculo de LPCO com operação'),
  lpcoToAnuente('talp-altsit-lpco-int', 'Alteração de situação feita pelo exportador/importador'),
  lpcoToHolder('talp-altsit-lpco-anu', 'Alteração de situação feita pelo anuente'),
  lpcoToHolder('talp-inclusao-exig', 'Inclusão de exigência'),
  lpcoToHolder('talp-analise-retif', 'Resultado de análise de retificação'),
  lpcoToHolder('talp-analise-prorrog', 'Resultado de análise de prorrogação'),
  lpcoToAnuente('talp-solic-retif', 'Inclusão de solicitação de retificação de LPCO'),
  lpcoToAnuente('talp-solic-prorrog', 'Inclusão de solicitação de prorrogação de LPCO'),
  lpcoToAnuente('talp-resposta-exig', 'Resposta de exigência'),
  lpcoToAnuente('talp-pend-ta-due', 'Pendência de TA em DU-E averbada'),
];

const BY_ID = new Map(EVENT_CATALOG.map((event) => [event.id, event]));

export function findCatalogEvent(id: string): CatalogEvent | undefined {
  return BY_ID.get(id);
}

/** The tipo of interveniente an event is addressed to, and so the only tipo that may subscribe it. */
export function subscriberTipo(event: CatalogEvent): IntervenienteTipo {
  return RECIPIENT_TIPO[event.recipientType];
}

export function eventsForTipo(tipo: IntervenienteTipo): CatalogEvent[] {
  return EVENT_CATALOG.filter((event) => subscriberTipo(event) === tipo);
}

export const UFS = [
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA',
  'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
] as const;
export type Uf = (typeof UFS)[number];
