import { isDecimal } from '#common';
import { isValidCpf } from '#brazilian-ids';
import { registerDecorator, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * The portal's field formats and its "(*) Obrigatório se ..." rules as class-validator decorators, so a
 * broken rule is answered like any other validation error: 422 naming the field.
 */

/** The PCCE's BigDecimal "15,2": at most 13 integer digits and 2 decimals. */
const MAX_MONEY = 9_999_999_999_999.99;

function rule(name: string, message: string, validate: (value: unknown, args: ValidationArguments) => boolean, options?: ValidationOptions) {
  return (target: object, property: string | symbol) =>
    registerDecorator({ name, target: target.constructor, propertyName: String(property), options: { message, ...options }, validator: { validate } });
}

/**
 * A money value: a JSON number ≥ 0 with at most 2 decimals and 13 integer digits (not class-validator's
 * `maxDecimalPlaces`, which throws on 1e-7 and would make bad input a 500).
 */
export function IsValor(): PropertyDecorator {
  return rule(
    'valorDecimal',
    '$property deve ser um valor decimal não negativo com até 13 dígitos inteiros e 2 casas decimais.',
    (value) => isDecimal(value, 2) && value >= 0 && value <= MAX_MONEY,
  );
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d[+-]\d{4}$/;

/** A real calendar day (2024-02-30 rolls over in Date.UTC: the round trip catches it). */
function isCalendarDay(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.toISOString().slice(0, 10) === `${year}-${month}-${day}`;
}

/** `yyyy-MM-dd`. */
export function IsData(): PropertyDecorator {
  return rule('formatoData', '$property deve ser uma data válida no formato yyyy-MM-dd.', (value) => {
    const match = typeof value === 'string' ? DATE.exec(value) : null;
    return !!match && isCalendarDay(match[1], match[2], match[3]);
  });
}

/** `yyyy-MM-dd'T'HH:mm:ssZ`, e.g. 2024-04-22T09:11:06-0300. */
export function IsDataHora(): PropertyDecorator {
  return rule('formatoDataHora', "$property deve ser uma data e hora válida no formato yyyy-MM-dd'T'HH:mm:ssZ.", (value) => {
    const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
    return !!match && isCalendarDay(match[1], match[2], match[3]);
  });
}

/** `yyyy-MM`. */
export function IsAnoMes(): PropertyDecorator {
  return rule('formatoAnoMes', '$property deve estar no formato yyyy-MM.', (value) => typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value));
}

/** Versão da declaração: 1 to 9999, as text ("1" or "0001"). */
export function IsVersao(): PropertyDecorator {
  return rule('versaoDeclaracao', '$property deve ser um número de 1 a 9999.', (value) => typeof value === 'string' && /^\d{1,4}$/.test(value) && Number(value) >= 1);
}

/** 11 digits with valid check digits. */
export function IsCpf(): PropertyDecorator {
  return rule('cpf', '$property deve ser um CPF válido (11 dígitos).', (value) => typeof value === 'string' && /^\d{11}$/.test(value) && isValidCpf(value));
}

const present = (value: unknown) => value !== undefined && value !== null;

/**
 * A required field, or one required only `when` the rest of the body says so (the models' "(*) Obrigatório
 * se ..."): absent and not required, its other rules are skipped; present, they always apply.
 * An empty list does not count as given.
 */
export function Obrigatorio<T>(when?: (dto: T) => boolean, motivo?: string): PropertyDecorator {
  return (target, property) => {
    const name = String(property);
    if (when) ValidateIf((dto: T) => present((dto as Record<string, unknown>)[name]) || when(dto))(target, property);
    rule(
      'obrigatorio',
      motivo ? `${name} é obrigatório ${motivo}.` : `${name} é obrigatório.`,
      (value) => present(value) && !(Array.isArray(value) && value.length === 0) && value !== '',
    )(target, property);
  };
}
