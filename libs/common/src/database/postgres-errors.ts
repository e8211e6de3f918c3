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

/** Network errors and PostgreSQL's own "going away / not accepting" classes (57P01-57P03, 08xxx). */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03']);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down)/i;

/** Whether `error` says PostgreSQL cannot be reached right now (an outage, not a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // TypeORM wraps the driver's error; a pool error may wrap the socket's. Walk the chain.
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    const { driverError, cause } = current as { driverError?: unknown; cause?: unknown };
    current = driverError ?? cause;
  }
  return false;
}

/** Values PostgreSQL cannot even represent (a NUL byte, text where a uuid goes): the client's input, not our fault. */
const UNREPRESENTABLE_INPUT = new Set(['22021', '22P02', '22P05']);

export function isUnrepresentableInput(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  return UNREPRESENTABLE_INPUT.has((error.driverError as { code?: string }).code ?? '');
}
