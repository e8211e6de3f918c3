import { formatPortalDate } from '#clock';
import type { CatalogEvent } from '../catalog-event.js';
import { FONTES, proposta, simulado } from '../provenance.js';
import { closedObject, date, DATE_PATTERNS, duimpNumber, text, uf } from '../schema-parts.js';

/* The seed's Sefaz events (SPEC §6): Duimp, PCCE and Anexação, to the Sefaz of each UF. */

export const TIPOS_INTERESSE = ['DESPACHO', 'IMPORTADOR', 'TERCEIRO'] as const;

/**
 * `evento` of each Duimp webhook: only names of the Sefaz events API's EventoEnum. The registration and
 * the two delivery authorisations have no entry in that enum, so their bodies carry no `evento`.
 */
export const DUIMP_PAYLOAD_EVENTOS: Readonly<Record<string, readonly string[]>> = {
  'dimp-registro': [],
  'dimp-retificacao': ['RETIFICACAO'],
  'dimp-entrega-com-pd': [],
  'dimp-entrega-sem-pd': [],
  'dimp-cancelamento': ['DECLARACAO_CANCELADA'],
  'dimp-desembaraco': [
    'DESEMBARACO_EFETUADO',
    'DESEMBARACO_EFETUADO_DECISAO_JUDICIAL',
    'DESEMBARACO_AUTOMATICO_SEM_CONFERENCIA',
    'DESEMBARACO_AUTOMATICO_SEM_CONFERENCIA_SEM_INSPECAO',
  ],
};

export const TIPOS_SOLICITACAO_ICMS = [
  'PAGAMENTO_INTEGRAL_DUIMP',
  'PAGAMENTO_PARCIAL_DUIMP',
  'EXONERACAO_INTEGRAL_DUIMP',
  'MANDADO_JUDICIAL_DUIMP',
  'EXONERACAO_PAG_PARCIAL_DUIMP',
] as const;

/** Operations a document can be attached to (e-Docex `tipoOperacao`). */
export const TIPOS_OPERACAO = ['DI', 'LI', 'RE', 'DT', 'DIR', 'CATP', 'DUE', 'DUIMP', 'LPCO'] as const;

const dataEvento = date(DATE_PATTERNS.offsetNoColon);
const eventTime = { field: 'dataEvento', format: formatPortalDate };

/** The Sefaz events API item `{numero, versao, evento, dataEvento, ufs}`, `evento` only where the enum has one. */
function duimpSchema(eventos: readonly string[]) {
  const ufs = {
    type: 'array',
    minItems: 1,
    items: closedObject({ uf, tipoInteresse: { type: 'string', enum: [...TIPOS_INTERESSE] } }),
  };
  const versao = { type: 'integer', minimum: 1, maximum: 9999 };
  return eventos.length > 0
    ? closedObject({ numero: duimpNumber, versao, evento: { type: 'string', enum: [...eventos] }, dataEvento, ufs })
    : closedObject({ numero: duimpNumber, versao, dataEvento, ufs });
}

const NO_ENUM_ENTRY =
  'O enum evento da API de eventos da Sefaz não tem valor para este fato; o corpo segue o item dessa API sem o campo evento (o header event-type identifica o fato).';

const duimp = (id: string, descricao: string, proveniencia = proposta(FONTES.sefazEventos)): CatalogEvent => ({
  id,
  descricao,
  sistema: 'Duimp',
  recipientType: 'UF',
  proveniencia,
  schema: duimpSchema(DUIMP_PAYLOAD_EVENTOS[id]!),
  eventTime,
  businessFlow: true,
});

export const SEFAZ_EVENTS: CatalogEvent[] = [
  duimp('dimp-registro', 'Registro de Duimp', simulado(`${NO_ENUM_ENTRY} O registro não aparece no enum (nem REGISTRO).`, FONTES.seed, FONTES.sefazEventos)),
  duimp('dimp-retificacao', 'Retificação de Duimp'),
  duimp(
    'dimp-entrega-com-pd',
    'Autorização de Entrega com prosseguimento do Despacho',
    simulado(`${NO_ENUM_ENTRY} ENTREGA_CARGA é a carga totalmente entregue, não a autorização de entrega.`, FONTES.seed, FONTES.sefazEventos),
  ),
  duimp(
    'dimp-entrega-sem-pd',
    'Autorização de Entrega sem prosseguimento do Despacho',
    simulado(`${NO_ENUM_ENTRY} ENTREGA_CARGA é a carga totalmente entregue, não a autorização de entrega.`, FONTES.seed, FONTES.sefazEventos),
  ),
  duimp('dimp-cancelamento', 'Cancelamento de Duimp'),
  duimp('dimp-desembaraco', 'Desembaraço de Duimp'),
  ...(['pcce-calculo-icms', 'pcce-cancela-icms'] as const).map(
    (id): CatalogEvent => ({
      id,
      descricao: id === 'pcce-calculo-icms' ? 'Solicitação de Cálculo do Pagamento ou Exoneração do ICMS' : 'Notificação de cancelamento de solicitação de ICMS',
      sistema: 'PCCE',
      recipientType: 'UF',
      proveniencia: proposta(),
      schema: closedObject({
        numeroDeclaracao: duimpNumber,
        // As the PCCE API writes it (`SefazDadosIcmsDto.versaoDeclaracao`: "1".."9999").
        versaoDeclaracao: { type: 'string', pattern: '^[1-9]\\d{0,3}$' },
        tipoSolicitacao: { type: 'string', enum: [...TIPOS_SOLICITACAO_ICMS] },
        ufFavorecida: uf,
        dataEvento,
      }),
      eventTime,
      businessFlow: true,
    }),
  ),
  {
    id: 'anex-docs-sefaz',
    descricao: 'Disponibilização de documentos para a Sefaz',
    sistema: 'Anexação',
    recipientType: 'UF',
    proveniencia: proposta(),
    schema: closedObject({
      tipoOperacao: { type: 'string', enum: [...TIPOS_OPERACAO] },
      numeroOperacao: text(255),
      idDocumento: { type: 'integer', minimum: 1 },
      dataEvento,
    }),
    eventTime,
    businessFlow: true,
  },
];
