import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A finite number with at most `places` decimals: toFixed(places) round-trips exactly those. */
export function isDecimal(value: unknown, places: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/**
 * A finite JSON number with at most `places` decimals. Not class-validator's `maxDecimalPlaces`, which
 * throws on numbers printed in exponent form (1e-7) and would turn bad input into a 500.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'decimal',
      target: target.constructor,
      propertyName: String(property),
      options: { message: `$property deve ser um número com até ${places} casas decimais.`, ...options },
      validator: { validate: (value: unknown) => isDecimal(value, places) },
    });
}
