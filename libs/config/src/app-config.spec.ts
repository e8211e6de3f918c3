import { describe, expect, it } from 'vitest';
import { ConfigValidationError, loadConfig } from './app-config.js';

const valid = { ADMIN_TOKEN: 'a-long-enough-admin-token' };

describe('loadConfig', () => {
  it('applies the portal defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      DELIVERY_MAX_ATTEMPTS: 3,
      DELIVERY_RETRY_DELAY_MS: 300_000,
      DELIVERY_TIMEOUT_MS: 3_500,
      ADMIN_PORT: 8080,
      PORTAL_PORT: 8443,
      EGRESS_ADDRESSES: [],
    });
  });

  it('converts numbers and lists', () => {
    const config = loadConfig({ ...valid, DELIVERY_RETRY_DELAY_MS: '250', EGRESS_ADDRESSES: '127.0.0.2, 127.0.0.3' });
    expect(config.DELIVERY_RETRY_DELAY_MS).toBe(250);
    expect(config.EGRESS_ADDRESSES).toEqual(['127.0.0.2', '127.0.0.3']);
  });

  it('names every bad variable at once', () => {
    const attempt = () =>
      loadConfig({ ADMIN_TOKEN: 'short', DELIVERY_MAX_ATTEMPTS: 'three', EGRESS_ADDRESSES: 'not-an-ip', REDIS_URL: 'http://x' });
    expect(attempt).toThrow(ConfigValidationError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const key of ['ADMIN_TOKEN', 'DELIVERY_MAX_ATTEMPTS', 'EGRESS_ADDRESSES', 'REDIS_URL']) expect(message).toContain(key);
    }
  });

  it('reads the platform switches: limits on, maintenance window off, quotas as funcao=limit', () => {
    expect(loadConfig(valid)).toMatchObject({ ACCESS_LIMITS_ENABLED: true, MAINTENANCE_WINDOW_ENABLED: false, ACCESS_LIMITS: {} });
    const config = loadConfig({ ...valid, ACCESS_LIMITS: 'duimp-eventos=120, pcce-icms=50', MAINTENANCE_WINDOW_ENABLED: 'true' });
    expect(config.ACCESS_LIMITS).toEqual({ 'duimp-eventos': 120, 'pcce-icms': 50 });
    expect(config.MAINTENANCE_WINDOW_ENABLED).toBe(true);
    expect(() => loadConfig({ ...valid, ACCESS_LIMITS: 'duimp-eventos=0' })).toThrow(/ACCESS_LIMITS/);
    expect(() => loadConfig({ ...valid, MAINTENANCE_WINDOW_ENABLED: 'yes' })).toThrow(/MAINTENANCE_WINDOW_ENABLED/);
  });

  it('requires ADMIN_TOKEN', () => {
    expect(() => loadConfig({})).toThrow(/ADMIN_TOKEN/);
  });
});
