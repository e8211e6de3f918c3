import { getMetadataStorage } from 'class-validator';
import { DestinatarioDto, EmitirEventoDto, MAX_SEED, RECIPIENT_ID_LENGTH, RECIPIENT_TYPES } from './emitir-evento.dto.js';
import { isPayload, isPlainObject } from './is-payload.js';

/** The fields a DTO declares to class-validator: the whitelist the pipe holds bodies to. */
function declaredFields(dto: new () => object): Set<string> {
  return new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false).map((metadata) => metadata.propertyName));
}

const FIELDS = declaredFields(EmitirEventoDto);
const RECIPIENT_FIELDS = declaredFields(DestinatarioDto);
// Printable ASCII only: there the validator's length (which counts a surrogate pair once) is the string's.
const RECIPIENT_ID = new RegExp(`^[\\x20-\\x7e]{${RECIPIENT_ID_LENGTH.min},${RECIPIENT_ID_LENGTH.max}}$`);

const onlyKnownKeys = (value: Record<string, unknown>, known: Set<string>) => Object.keys(value).every((key) => known.has(key));

function isPlainRecipient(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, RECIPIENT_FIELDS) &&
    RECIPIENT_TYPES.includes(value.tipo as never) &&
    typeof value.id === 'string' &&
    RECIPIENT_ID.test(value.id)
  );
}

/**
 * The common, unmistakably valid `EmitirEventoDto` body, checked without class-validator: what it accepts
 * the validation pipe accepts too, unchanged (a spec holds the two side by side). Anything it does not
 * recognise (a null, a non-ASCII id, an unknown field) is left to the pipe, which names what is wrong.
 */
export function isPlainEmission(body: unknown): body is EmitirEventoDto {
  if (!isPlainObject(body) || !onlyKnownKeys(body, FIELDS)) return false;
  const { evento, destinatarios, payload, validarPayload, seed } = body;
  return (
    typeof evento === 'string' &&
    Array.isArray(destinatarios) &&
    destinatarios.length > 0 &&
    destinatarios.every(isPlainRecipient) &&
    (payload === undefined || isPayload(payload)) &&
    (validarPayload === undefined || typeof validarPayload === 'boolean') &&
    (seed === undefined || (Number.isInteger(seed) && (seed as number) >= 0 && (seed as number) <= MAX_SEED))
  );
}
