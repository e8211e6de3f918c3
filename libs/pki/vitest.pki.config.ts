import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Runs only the PKI suite, without the repository-wide global setup (database, Redis).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['libs/pki/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
