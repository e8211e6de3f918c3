import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from './support/poll.js';
import { exited, freePort, spawnGateway } from './support/processes.js';
import { TEST_ENV } from './support/test-env.js';

interface Answer {
  status: number;
  connection: string | undefined;
}

/**
 * One request on `agent`; resolves with its status and `Connection` header, or rejects on a socket error.
 * `onParsed` runs once the server has read the request (its `100 Continue`).
 */
function request(port: number, path: string, agent: http.Agent, onParsed?: () => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${TEST_ENV.ADMIN_TOKEN}`, ...(onParsed ? { Expect: '100-continue' } : {}) };
    const req = http.get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
    });
    if (onParsed) req.once('continue', onParsed);
    req.on('error', reject);
  });
}

/** SIGTERM on the gateway (issue 16): listeners first, requests in flight drain, then Redis and PostgreSQL close. */
describe('gateway shutdown', () => {
  const children: Array<ReturnType<typeof spawnGateway>> = [];
  afterEach(() => children.splice(0).forEach((child) => child.kill('SIGKILL')));

  it('stops accepting at once, finishes the request in flight with Connection: close on a live database, and exits 0', async () => {
    const [adminPort, portalPort] = [await freePort(), await freePort()];
    const gateway = spawnGateway({ ADMIN_PORT: String(adminPort), PORTAL_PORT: String(portalPort), SHUTDOWN_DEADLINE_MS: '20000' });
    children.push(gateway);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await pollUntil(
      () => request(adminPort, '/health', agent).then((answer) => answer.status, () => 0),
      (status) => status === 200,
      { what: 'the gateway to be up', timeoutMs: 30_000 },
    );

    // A long poll on the kept-alive connection: it reads PostgreSQL until its own timeout.
    const inFlight = request(adminPort, `/admin/notificacoes/aguardar?eventoId=${randomUUID()}&timeoutMs=2000`, agent, () => gateway.kill('SIGTERM'));

    // New connections are refused while the request in flight is still being served.
    const fresh = () => request(adminPort, '/health', new http.Agent({ keepAlive: false })).then(() => 'accepted', (error: NodeJS.ErrnoException) => error.code);
    expect(await pollUntil(fresh, (outcome) => outcome === 'ECONNREFUSED', { what: 'the listener to close' })).toBe('ECONNREFUSED');

    // The wait ends as it would have (408, nothing final), answered from a database still open.
    expect(await inFlight).toEqual({ status: 408, connection: 'close' });
    expect(await exited(gateway)).toBe(0);
    agent.destroy();
  });
});
