import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/** The fault suite alone: its own PostgreSQL and Redis, real processes from dist/ (`npm run test:faults`). */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/faults/**/*.fault-spec.ts'], globalSetup: [], testTimeout: 600_000, hookTimeout: 240_000 },
});
