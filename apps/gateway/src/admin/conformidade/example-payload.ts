import type { SchemaObject } from 'ajv';
import { type CatalogEvent, PAYLOAD_SCHEMAS, validatePayload } from '#catalog';
import { formatPortalDate } from '#clock';
import { buildDuimpNumber, buildLpcoNumber } from '#domain';

/**
 * A valid example payload for any catalogue event, built from the event's own JSON Schema so a new event
 * needs no code here: required fields only, the first enum value, a string matching the field's pattern.
 * Identifiers with a check digit come from the domain's builders, the recipient's UF where one is named.
 * Returns null when the schema uses a construct this builder does not know (the check then says so).
 */
export function examplePayload(event: CatalogEvent, recipientId: string, at: Date, sequence: number): Record<string, unknown> | null {
  const schema = PAYLOAD_SCHEMAS[event.id];
  if (!schema) return null;
  const year = String(at.getUTCFullYear()).slice(2);
  const known: Record<string, unknown> = {
    dataEvento: formatPortalDate(at),
    numero: buildDuimpNumber(year, sequence),
    numeroDeclaracao: buildDuimpNumber(year, sequence),
    numeroLPCO: buildLpcoNumber('I', year, sequence),
    ...(event.recipientType === 'UF' ? { ufFavorecida: recipientId, ufs: [{ uf: recipientId, tipoInteresse: 'IMPORTADOR' }] } : {}),
  };
  // Should a module write its dates differently, the schema's own pattern gives the second try.
  const { dataEvento: _portalDate, ...withoutDate } = known;
  for (const hints of [known, withoutDate]) {
    const built = fromSchema(schema, hints);
    if (built && typeof built === 'object' && validatePayload(event.id, built).valid) return built as Record<string, unknown>;
  }
  return null;
}

function fromSchema(schema: SchemaObject, known: Record<string, unknown>): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  switch (schema.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const name of (schema.required as string[] | undefined) ?? []) {
        const value = name in known ? known[name] : fromSchema(schema.properties?.[name] ?? {}, known);
        if (value === undefined) return undefined;
        result[name] = value;
      }
      return result;
    }
    case 'array': {
      const item = fromSchema(schema.items ?? {}, known);
      return item === undefined ? undefined : Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return schema.pattern ? exampleOf(schema.pattern) : 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return undefined;
  }
}

/**
 * A string matching a simple regular expression: anchors, literals, `\d`, character classes and
 * `{n}`/`{a,b}`/`?`/`+`/`*` quantifiers, the subset the catalogue's schemas use. Undefined otherwise.
 */
export function exampleOf(pattern: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    let atom: string | undefined;
    if (char === '^' || char === '$') {
      i += 1;
      continue;
    } else if (char === '\\') {
      const next = pattern[i + 1];
      atom = next === 'd' ? '1' : /[a-zA-Z]/.test(next ?? '') ? undefined : next;
      i += 2;
    } else if (char === '[') {
      const end = pattern.indexOf(']', i);
      if (end < 0) return undefined;
      atom = pattern[i + 1] === '^' ? undefined : pattern[i + 1];
      i = end + 1;
    } else if ('(|)*+?{.'.includes(char)) {
      return undefined;
    } else {
      atom = char;
      i += 1;
    }
    if (atom === undefined) return undefined;
    let count = 1;
    const quantifier = /^(?:\{(\d+)(?:,(\d*))?\}|([?*+]))/.exec(pattern.slice(i));
    if (quantifier) {
      count = quantifier[3] ? (quantifier[3] === '+' ? 1 : 0) : Number(quantifier[1]);
      i += quantifier[0].length;
    }
    out += atom.repeat(count);
  }
  return out;
}
