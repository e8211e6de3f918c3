import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { TEST_ENV } from './test-env.js';

const WORKER_MAIN = 'dist/apps/worker/src/main.js';

/** A real worker process built from dist/ (`npm test` builds first), to be killed like in production. */
export function spawnWorker(overrides: Record<string, string> = {}): ChildProcess {
  if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run \`npm run build\` first`);
  return spawn(process.execPath, [WORKER_MAIN], {
    env: { ...process.env, ...TEST_ENV, ...overrides },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
