import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import { EVENT_CATALOG, UFS } from './catalog.js';

/*
 * The thin notification payloads (SPEC §6): identifiers and the event time, never personal or fiscal
 * data. Field names are the real portal's; every schema forbids other properties, so a CPF, a CNPJ, a
 * name or a value can only get in by changing a schema.
 */

/** `2024-12-31T23:59:01-0300`: Brasília time with a numeric offset. */
export const PORTAL_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{4}$';

export const TIPOS_INTERESSE = ['DESPACHO', 'IMPORTADOR', 'TERCEIRO'] as const;

/**
 * `evento` of each Duimp webhook: the Sefaz events API's EventoEnum names. The registration has no
 * EventoEnum entry (the polling API does not list it); the simulator calls it `REGISTRO`.
 */
export const DUIMP_PAYLOAD_EVENTOS: Readonly<Record<string, readonly string[]>> = {
  'dimp-registro': ['REGISTRO'],
  'dimp-retificacao': ['RETIFICACAO'],
  'dimp-entrega-com-pd': ['ENTREGA_CARGA'],
  'dimp-entrega-sem-pd': ['ENTREGA_CARGA'],
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

/** `SituacaoLpco`: ids and the portal's descriptions. */
export const LPCO_SITUACOES = {
  PARA_ANALISE: 'Para análise',
  EM_ANALISE: 'Em análise',
  INDEFERIDO: 'Indeferido',
  EM_EXIGENCIA: 'Em exigência',
  RESPOSTA_EXIGENCIA: 'Resposta de exigência',
  CANCELADO: 'Cancelado',
  DEFERIDO: 'Deferido',
  VENCIDO: 'Vencido',
  ANULADO_REVOGADO: 'Anulado/Revogado',
  EM_VERIFICACAO: 'Em verificação',
  EM_INSPECAO: 'Em inspeção',
  AGUARDANDO_PAGAMENTO: 'Aguardando pagamento',
  AUTORIZACAO_IMPORTACAO_EMITIDA: 'Autorização de importação emitida',
  PARAMETRIZADO: 'Parametrizado',
  CONFERENCIA_DOCUMENTAL: 'Conferência documental',
  INSPECAO_FISICA: 'Inspeção física',
  RECURSO_INDEFERIMENTO: 'Recurso de indeferimento',
  RECURSO_DIVERSO: 'Recursos diversos',
} as const;

const dataEvento = { type: 'string', pattern: PORTAL_DATE_PATTERN };
const uf = { type: 'string', enum: [...UFS] };

const duimpSchema = (eventos: readonly string[]): SchemaObject => ({
  type: 'object',
  additionalProperties: false,
  required: ['numero', 'versao', 'evento', 'dataEvento', 'ufs'],
  properties: {
    numero: { type: 'string', pattern: '^\\d{2}BR\\d{11}$' },
    versao: { type: 'integer', minimum: 1, maximum: 9999 },
    evento: { type: 'string', enum: [...eventos] },
    dataEvento,
    ufs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['uf', 'tipoInteresse'],
        properties: { uf, tipoInteresse: { type: 'string', enum: [...TIPOS_INTERESSE] } },
      },
    },
  },
});

const pcceSchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['numeroDeclaracao', 'versaoDeclaracao', 'tipoSolicitacao', 'ufFavorecida', 'dataEvento'],
  properties: {
    numeroDeclaracao: { type: 'string', pattern: '^\\d{2}BR\\d{11}$' },
    // As the PCCE API writes it (`SefazDadosIcmsDto.versaoDeclaracao`: "1".."9999").
    versaoDeclaracao: { type: 'string', pattern: '^[1-9]\\d{0,3}$' },
    tipoSolicitacao: { type: 'string', enum: [...TIPOS_SOLICITACAO_ICMS] },
    ufFavorecida: uf,
    dataEvento,
  },
};

const anexacaoSchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['tipoOperacao', 'numeroOperacao', 'idDocumento', 'dataEvento'],
  properties: {
    tipoOperacao: { type: 'string', enum: [...TIPOS_OPERACAO] },
    numeroOperacao: { type: 'string', minLength: 1, maxLength: 255 },
    idDocumento: { type: 'integer', minimum: 1 },
    dataEvento,
  },
};

const lpcoSchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['numeroLPCO', 'codigoModelo', 'novaSituacao', 'dataEvento'],
  properties: {
    numeroLPCO: { type: 'string', pattern: '^[EI]\\d{10}$' },
    codigoModelo: { type: 'string', pattern: '^[EI]\\d{5}$' },
    novaSituacao: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'descricao'],
      properties: {
        id: { type: 'string', enum: Object.keys(LPCO_SITUACOES) },
        descricao: { type: 'string', enum: Object.values(LPCO_SITUACOES) },
      },
    },
    justificativa: { type: 'string', minLength: 1, maxLength: 4000 },
    dataEvento,
  },
};

function schemaFor(id: string, sistema: string): SchemaObject {
  switch (sistema) {
    case 'Duimp':
      return duimpSchema(DUIMP_PAYLOAD_EVENTOS[id]!);
    case 'PCCE':
      return pcceSchema;
    case 'Anexação':
      return anexacaoSchema;
    default:
      return lpcoSchema;
  }
}

/** JSON Schema (draft-07) of each catalogue event's payload. */
export const PAYLOAD_SCHEMAS: Readonly<Record<string, SchemaObject>> = Object.fromEntries(
  EVENT_CATALOG.map((event) => [event.id, { $id: `https://pucomex-sim/schemas/${event.id}.json`, title: event.descricao, ...schemaFor(event.id, event.sistema) }]),
);

const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new Map<string, ValidateFunction>(Object.entries(PAYLOAD_SCHEMAS).map(([id, schema]) => [id, ajv.compile(schema)]));

export interface PayloadCheck {
  valid: boolean;
  /** `instancePath message` of each violation. */
  errors: string[];
}

/** Checks a payload against its event's schema. */
export function validatePayload(evento: string, payload: unknown): PayloadCheck {
  const validate = validators.get(evento);
  if (!validate) return { valid: false, errors: [`evento ${evento} is not in the catalogue`] };
  const valid = validate(payload);
  return { valid, errors: valid ? [] : (validate.errors ?? []).map(describe) };
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}${extra}`;
}
