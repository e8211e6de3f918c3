import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
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

const GATEWAY_MAIN = 'dist/apps/gateway/src/main.js';

/** A real gateway process built from dist/, on the given ports, to be signalled like in production. */
export function spawnGateway(overrides: Record<string, string> = {}): ChildProcess {
  if (!existsSync(GATEWAY_MAIN)) throw new Error(`${GATEWAY_MAIN} is missing: run \`npm run build\` first`);
  return spawn(process.execPath, [GATEWAY_MAIN], {
    env: { ...process.env, ...TEST_ENV, ...overrides },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** A loopback port free right now (the OS picks it; the caller binds it next). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
