import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { TEST_ENV } from './test-env.js';

export { freePort } from '../../bench/processes.js';

const WORKER_MAIN = 'dist/apps/worker/src/main.js';
const GATEWAY_MAIN = 'dist/apps/gateway/src/main.js';

/** A real process built from dist/ (`npm test` builds first), to be signalled and killed like in production. */
function spawnFromDist(main: string, overrides: Record<string, string>): ChildProcess {
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  return spawn(process.execPath, [main], {
    env: { ...process.env, ...TEST_ENV, ...overrides },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export const spawnWorker = (overrides: Record<string, string> = {}) => spawnFromDist(WORKER_MAIN, overrides);

/** A gateway on the ports `overrides` give (ADMIN_PORT, PORTAL_PORT). */
export const spawnGateway = (overrides: Record<string, string> = {}) => spawnFromDist(GATEWAY_MAIN, overrides);

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
