import type { SchemaObject } from 'ajv';
import { UFS } from './ufs.js';

/** Date formats of the portal's modules; a simulator must not normalise them. */
export const DATE_PATTERNS = {
  /** Duimp: `2024-12-31T23:59:01-0300`. */
  offsetNoColon: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}-0300$',
  /** CCT Exportação: `2024-04-09T14:08:57.023Z`. */
  utcMillis: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$',
  /** CCT Importação CRT: `2025-03-01T10:00:00-03:00`. */
  offsetColon: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}-03:00$',
  /** TA-LPCO analyses and requirements: `10/03/2025 15:20`. */
  brMinutes: '^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}$',
  /** CCT vínculo: `10/03/2025 11:00:00`. */
  brSeconds: '^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}$',
  /** DU-E: `10/03/2025 15:20:11:042` (a colon before the milliseconds). */
  brMillisColon: '^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}:\\d{3}$',
  /** TA-LPCO situation changes: `10/03/2025 15:20:11.042000`. */
  brMicros: '^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}$',
  /** CCT vínculo, cargo issue date: `01/03/2025 10:00 (UTC -03:00)`. */
  brMinutesUtcLabel: '^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} \\(UTC [+-]\\d{2}:\\d{2}\\)$',
} as const;

/** Kept for callers that speak of "the portal date": the Duimp module's. */
export const PORTAL_DATE_PATTERN = DATE_PATTERNS.offsetNoColon;

export const date = (pattern: string): SchemaObject => ({ type: 'string', pattern });
export const text = (maxLength: number, minLength = 1): SchemaObject => ({ type: 'string', minLength, maxLength });
export const uf: SchemaObject = { type: 'string', enum: [...UFS] };
export const duimpNumber: SchemaObject = { type: 'string', pattern: '^\\d{2}BR\\d{11}$' };
/** A DU-E number: 14 characters, `25BR0001234567`. */
export const dueNumber: SchemaObject = { type: 'string', pattern: '^\\d{2}BR\\d{10}$' };
export const ni: SchemaObject = { type: 'string', pattern: '^(\\d{11}|\\d{14})$' };

/** A closed object: every listed property, `optional` ones may be absent, nothing else. */
export function closedObject(properties: Record<string, SchemaObject>, optional: string[] = []): SchemaObject {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    properties,
  };
}
