import { ValidateBy, type ValidationOptions } from 'class-validator';

export const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A notification body: an object, or an array of objects (the CRT events' top level). */
export const isPayload = (value: unknown): boolean => isPlainObject(value) || (Array.isArray(value) && value.every(isPlainObject));

export function IsPayload(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPayload',
      validator: {
        validate: isPayload,
        defaultMessage: () => 'payload must be an object or an array of objects',
      },
    },
    options,
  );
}
