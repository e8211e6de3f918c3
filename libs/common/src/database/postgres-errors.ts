import { QueryFailedError } from 'typeorm';

/** The unique-violation a PostgreSQL write raised, with its detail (which key), or undefined. */
export function uniqueViolation(error: unknown): { detail?: string } | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; detail?: string };
  return driverError.code === '23505' ? driverError : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return uniqueViolation(error) !== undefined;
}
