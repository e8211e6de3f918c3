import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { EVENT_CATALOG, findCatalogEvent } from './catalog.js';
import type { EventPayload } from './catalog-event.js';

/*
 * The notification payloads (SPEC §6): identifiers and the event time, never names, addresses or values.
 * Every schema is closed, so anything else can only get in by changing a schema.
 */

/** JSON Schema (draft-07) of each catalogue event's payload. */
export const PAYLOAD_SCHEMAS = Object.fromEntries(
  EVENT_CATALOG.map((event) => [event.id, { $id: `https://pucomex-sim/schemas/${event.id}.json`, title: event.descricao, ...event.schema }]),
);

const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new Map<string, ValidateFunction>(Object.entries(PAYLOAD_SCHEMAS).map(([id, schema]) => [id, ajv.compile(schema)]));

export interface PayloadCheck {
  valid: boolean;
  /** `instancePath message` of each violation. */
  errors: string[];
  /** The first violation's field as a dotted path (`novaSituacao.id`, `0.numeroCarga`), `payload` at the top. */
  field?: string;
}

/** Checks a payload against its event's schema. */
export function validatePayload(evento: string, payload: unknown): PayloadCheck {
  const validate = validators.get(evento);
  if (!validate) return { valid: false, errors: [`evento ${evento} is not in the catalogue`] };
  if (validate(payload)) return { valid: true, errors: [] };
  const errors = validate.errors ?? [];
  return { valid: false, errors: errors.map(describe), field: fieldOf(errors[0]) };
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}${extra}`;
}

function fieldOf(error: ErrorObject | undefined): string {
  if (!error) return 'payload';
  const path = error.instancePath.split('/').filter(Boolean);
  const named = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : error.keyword === 'required' ? String(error.params.missingProperty) : undefined;
  if (named) path.push(named);
  return ['payload', ...path].join('.');
}

/** Fills the event's time field, in its module's format, when the body does not carry it already. */
export function stampPayload(evento: string, payload: EventPayload, at: Date): EventPayload {
  const time = findCatalogEvent(evento)?.eventTime;
  if (!time || Array.isArray(payload) || payload[time.field] !== undefined) return payload;
  return { ...payload, [time.field]: time.format(at) };
}
