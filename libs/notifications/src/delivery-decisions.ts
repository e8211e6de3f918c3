import { NotificationStatus } from './notification-status.js';

/** Whether a delivery job is stale: its attempt was made already (or is not next), or its notification is final. */
export function isStaleAttempt(target: { status: string; attempts: number }, attempt: number): boolean {
  return target.status !== NotificationStatus.Pendente || target.attempts !== attempt - 1;
}

/** Groups an attempt's cause for metrics, so label cardinality stays small. */
export function outcomeLabel(cause: string): 'ok' | 'http' | 'timeout' | 'tls' | 'connection' | 'other' {
  if (cause === 'OK') return 'ok';
  if (cause.startsWith('HTTP_')) return 'http';
  if (cause === 'TIMEOUT') return 'timeout';
  if (cause.startsWith('TLS_')) return 'tls';
  if (/^E(CONN|HOST|NET|ADDR|NOTFOUND|AI_)/.test(cause)) return 'connection';
  return 'other';
}
