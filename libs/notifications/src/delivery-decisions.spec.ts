import { describe, expect, it } from 'vitest';
import { isStaleAttempt, outcomeLabel } from './delivery-decisions.js';
import { NotificationStatus } from './notification-status.js';

describe('delivery decisions', () => {
  it('makes an attempt only when it is the next one of a pending notification', () => {
    expect(isStaleAttempt({ status: NotificationStatus.Pendente, attempts: 0 }, 1)).toBe(false);
    expect(isStaleAttempt({ status: NotificationStatus.Pendente, attempts: 2 }, 3)).toBe(false);
  });

  it('drops a job whose attempt was made already, came early, or whose notification is final', () => {
    expect(isStaleAttempt({ status: NotificationStatus.Pendente, attempts: 1 }, 1)).toBe(true);
    expect(isStaleAttempt({ status: NotificationStatus.Pendente, attempts: 0 }, 2)).toBe(true);
    for (const status of ['ENTREGUE', 'FALHA', 'CANCELADA']) expect(isStaleAttempt({ status, attempts: 0 }, 1)).toBe(true);
  });

  it('labels outcomes in a few groups', () => {
    expect(outcomeLabel('OK')).toBe('ok');
    expect(outcomeLabel('HTTP_500')).toBe('http');
    expect(outcomeLabel('HTTP_204')).toBe('http');
    expect(outcomeLabel('TIMEOUT')).toBe('timeout');
    expect(outcomeLabel('TLS_DEPTH_ZERO_SELF_SIGNED_CERT')).toBe('tls');
    expect(outcomeLabel('ECONNREFUSED')).toBe('connection');
    expect(outcomeLabel('ENOTFOUND')).toBe('connection');
    expect(outcomeLabel('EAI_AGAIN')).toBe('connection');
    expect(outcomeLabel('ENDPOINT_ENDERECO_NAO_PUBLICO')).toBe('other');
  });
});
