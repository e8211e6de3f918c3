import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitDuimpEvent, resetAll } from './support/fixtures.js';
import { loginSistema, XML_HEADERS } from './support/portal-client.js';
import { pollUntil } from './support/poll.js';
import { exited } from './support/processes.js';
import { startReceiver } from './support/receiver.js';
import { adminCall, type Simulator, startSimulator } from './support/simulator.js';
import { TEST_ENV } from './support/test-env.js';

const STANDALONE_MAIN = 'dist/apps/standalone/src/main.js';
const SECRET = 'chave-que-nao-aparece-42';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Secrets never reach the logs (SPEC §10): a real single-process simulator at the most verbose level,
 * its whole output read back after a subscription with a chaveSecreta, refusals and a delivery.
 */
describe('logs keep secrets out', () => {
  let local: Simulator;
  let child: ChildProcess;
  let output = '';
  let sim: Simulator;

  beforeAll(async () => {
    // The in-process simulator only lends its PKI and database handle; the child process serves every call.
    local = await startSimulator({}, { withWorker: false });
    await resetAll(local);
    const [adminPort, portalPort] = [await freePort(), await freePort()];
    child = spawn(process.execPath, [STANDALONE_MAIN], {
      env: { ...process.env, ...TEST_ENV, LOG_LEVEL: 'trace', ADMIN_PORT: String(adminPort), PORTAL_PORT: String(portalPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const adminUrl = `http://127.0.0.1:${adminPort}`;
    sim = {
      ...local,
      adminUrl,
      portalUrl: `https://127.0.0.1:${portalPort}`,
      admin: (method, path, body) => adminCall(adminUrl, TEST_ENV.ADMIN_TOKEN, method, path, body),
    };
    await pollUntil(
      () => fetch(`${adminUrl}/health`).then((response) => response.status, () => 0),
      (status) => status === 200,
      // A whole process boots here (migrations, CA, three listeners): slow on a loaded machine.
      { what: 'the child simulator to answer /health', timeoutMs: 60_000 },
    );
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
    await local?.stop();
  });

  it('neither the chaveSecreta, the session tokens nor certificate keys appear, while requests and attempts are logged', async () => {
    const receiver = await startReceiver(local.authority.caBundle(), [{ status: 200 }]);
    try {
      const sp = await loginSistema(sim, { uf: 'SP' });
      const created = await sp.call('POST', '/portal/api/ext/webhook', { evento: 'dimp-registro', endpoint: receiver.url, chaveSecreta: SECRET });
      expect(created.status).toBe(200);
      // Refusals whose bodies carry the secret: a broken rule, and XML that does not parse.
      const refused = await sp.call('PUT', `/portal/api/ext/webhook/${created.body.id}`, { endpoint: 'http://x', chaveSecreta: SECRET });
      expect(refused.status).toBe(422);
      const malformed = await sp.call('POST', '/portal/api/ext/webhook', `<assinatura><chaveSecreta>${SECRET}</chaveSecreta>`, XML_HEADERS);
      expect(malformed.status).toBe(400);

      const emitted = await emitDuimpEvent(sim, ['SP']);
      const done = await sim.admin('GET', `/admin/notificacoes/aguardar?eventoId=${emitted.body.id}&timeoutMs=15000`);
      expect(done.body.notificacoes).toEqual([expect.objectContaining({ situacao: 'ENTREGUE' })]);
      expect(receiver.requests[0].headers.secret).toBe(SECRET);

      const notificationId = done.body.notificacoes[0].id;
      await pollUntil(
        async () => output,
        (text) => text.includes(notificationId),
        { what: 'the attempt to be logged' },
      );
      const lines = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line));
      // What must be there, so the check below is not vacuous.
      expect(lines).toContainEqual(
        expect.objectContaining({ req: expect.objectContaining({ method: 'POST', url: '/portal/api/ext/webhook' }), res: { statusCode: 200 } }),
      );
      expect(lines).toContainEqual(expect.objectContaining({ res: { statusCode: 422 } }));
      expect(lines).toContainEqual(expect.objectContaining({ notificationId, cause: 'OK' }));

      for (const secret of [SECRET, sp.jwt, sp.csrf, 'PRIVATE KEY', TEST_ENV.ADMIN_TOKEN]) expect(output).not.toContain(secret);
    } finally {
      await receiver.close();
    }
  });
});
