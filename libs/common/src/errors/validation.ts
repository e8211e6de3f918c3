import type { ValidationError } from 'class-validator';
import type { FieldError } from './portal.exception.js';

/** Flattens class-validator's tree into the portal's `errors[]`, naming each field by its path. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      code: rule === 'whitelistValidation' ? 'CAMPO_DESCONHECIDO' : `VALIDACAO_${rule.toUpperCase()}`,
      field,
      message: rule === 'whitelistValidation' ? `O campo ${field} não é permitido.` : message,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}
