/**
 * Settings every suite runs with: real PostgreSQL and Redis, each in a database of its own.
 * TEST_DATABASE_URL / TEST_REDIS_URL let two checkouts run their suites side by side.
 */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pucomex_test',
  // Redis database 15 is the tests' own: flushing it in a test touches nothing else.
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15',
  QUEUE_PREFIX: 'pucomex-test',
  ADMIN_TOKEN: 'test-admin-token-0123456789',
  HOST: '127.0.0.1',
  ADMIN_PORT: '0',
  PORTAL_PORT: '0',
  WORKER_PORT: '0',
  // Fast background loops so suites poll outcomes quickly; the 5-minute retry delay keeps its default.
  RECONCILE_INTERVAL_MS: '100',
  RECONCILE_LEASE_MS: '1500',
  QUEUE_LOCK_DURATION_MS: '1500',
};
