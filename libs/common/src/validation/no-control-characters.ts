import { registerDecorator, type ValidationOptions } from 'class-validator';

/** C0 controls and DEL: a CR/LF in a value sent as a header or URL would split or rewrite the request. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A string without control characters (fields that end up in a notification's headers). */
export function NoControlCharacters(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'semCaracteresDeControle',
      target: target.constructor,
      propertyName: String(property),
      options: { message: '$property não pode conter caracteres de controle (CR, LF, TAB...).', ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !CONTROL_CHARACTERS.test(value) },
    });
}
