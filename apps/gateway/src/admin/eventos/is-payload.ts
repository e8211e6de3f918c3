import { ValidateBy, type ValidationOptions } from 'class-validator';

const isPlainObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A notification body: an object, or an array of objects (the CRT events' top level). */
export function IsPayload(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPayload',
      validator: {
        validate: (value: unknown) => isPlainObject(value) || (Array.isArray(value) && value.every(isPlainObject)),
        defaultMessage: () => 'payload must be an object or an array of objects',
      },
    },
    options,
  );
}
