import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitDuimpEvent, resetAll, subscribeSefaz } from './support/fixtures.js';
import { loginSistema, type PortalSession, XML_HEADERS } from './support/portal-client.js';
import { type Simulator, startSimulator } from './support/simulator.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { TEST_ENV } from './support/test-env.js';

const WEBHOOK = '/portal/api/ext/webhook';
/** Well past anything a healthy answer needs; a hang (the defect) runs into it. */
const HANG = 15_000;

const nestedJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const nestedXml = (depth: number) => '<a>'.repeat(depth) + '1' + '</a>'.repeat(depth);

/** The reproductions of the attack run (issue 16), each answering as it must. */
describe('hardening: bad input', () => {
  let sim: Simulator;
  let sp: PortalSession;
  beforeAll(async () => {
    sim = await startSimulator({}, { withWorker: false });
    await resetAll(sim);
    sp = await loginSistema(sim, { uf: 'SP' });
  });
  afterAll(() => sim?.stop());

  const raw = (path: string, init: RequestInit = {}) => fetch(`${sim.adminUrl}${path}`, init);
  const adminJson = (path: string, body: string, authorization = `Bearer ${TEST_ENV.ADMIN_TOKEN}`) =>
    raw(path, { method: 'POST', headers: { Authorization: authorization, 'Content-Type': 'application/json' }, body });

  it('accepts the admin token whatever the case of the Bearer scheme', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer', 'bEaReR']) {
      const response = await raw('/admin/notificacoes', { headers: { Authorization: `${scheme} ${TEST_ENV.ADMIN_TOKEN}` } });
      expect(response.status, scheme).toBe(200);
    }
    expect((await raw('/admin/notificacoes', { headers: { Authorization: `Basic ${TEST_ENV.ADMIN_TOKEN}` } })).status).toBe(401);
  });

  it('refuses deeply nested JSON and XML with 400 and the portal body, before any transformation', async () => {
    const admin = await adminJson('/admin/eventos', `{"evento":"dimp-registro","destinatarios":[],"payload":${nestedJson(2_000)}}`);
    expect(admin.status).toBe(400);
    expect(await admin.json()).toMatchObject({ status: 400, code: 'PUCX-ER0400', message: expect.stringMatching(/aninhamento/) });

    const portalJson = await sp.call('POST', WEBHOOK, `{"evento":"dimp-registro","endpoint":${nestedJson(5_000)}}`, { 'Content-Type': 'application/json' });
    expect(portalJson.status).toBe(400);
    expect(portalJson.body).toMatchObject({ status: 400, code: 'PUCX-ER0400' });

    const portalXml = await sp.call('POST', WEBHOOK, `<assinatura><evento>dimp-registro</evento><endpoint>${nestedXml(150)}</endpoint></assinatura>`, XML_HEADERS);
    expect(portalXml.status).toBe(400);
    expect(portalXml.text).toMatch(/<code>PUCX-ER0400<\/code>/);
    expect(portalXml.text).toMatch(/aninhamento/);
    expect((await sp.call('GET', WEBHOOK)).body).toEqual([]);
  });

  it('refuses control characters in endpoint (POST and PUT) and chaveSecreta (PUT), naming the field', async () => {
    const injected = await sp.call('POST', WEBHOOK, { evento: 'dimp-registro', endpoint: 'https://127.0.0.1/hook\r\nX-Injected: 1' });
    expect(injected.status).toBe(422);
    expect(injected.body.errors).toEqual([expect.objectContaining({ code: 'ENDPOINT_CARACTERE_CONTROLE', field: 'endpoint' })]);

    const created = await sp.call('POST', WEBHOOK, { evento: 'dimp-registro', endpoint: 'https://127.0.0.1/hook', chaveSecreta: 's3gredo' });
    expect(created.status, created.text).toBe(200);
    const put = (body: object) => sp.call('PUT', `${WEBHOOK}/${created.body.id}`, body);
    const badEndpoint = await put({ endpoint: 'https://127.0.0.1/hook\nsecret: outro' });
    expect(badEndpoint.status).toBe(422);
    expect(badEndpoint.body.errors.map((e: { field: string }) => e.field)).toEqual(['endpoint']);
    for (const chaveSecreta of ['s3gredo\r\nX-Injected: 1', 'tab\there', 'nul\u0000']) {
      const badSecret = await put({ endpoint: 'https://127.0.0.1/hook', chaveSecreta });
      expect(badSecret.status, JSON.stringify(chaveSecreta)).toBe(422);
      expect(badSecret.body.errors).toEqual([expect.objectContaining({ field: 'chaveSecreta', message: expect.stringMatching(/controle/) })]);
    }
    const [stored] = await sim.dataSource.query('SELECT endpoint, secret FROM subscription WHERE id = $1', [created.body.id]);
    expect(stored.endpoint).toBe('https://127.0.0.1/hook');
  });
});

/**
 * Outages through a TCP relay in front of the real PostgreSQL and Redis: cutting the relay is the outage
 * the simulator sees, while the services other suites share keep running.
 */
describe('hardening: dependency outages', () => {
  let postgres: TcpProxy;
  let redis: TcpProxy;
  let sim: Simulator;
  beforeAll(async () => {
    const pgUrl = new URL(TEST_ENV.DATABASE_URL);
    const redisUrl = new URL(TEST_ENV.REDIS_URL);
    postgres = await startTcpProxy(Number(pgUrl.port || 5432));
    redis = await startTcpProxy(Number(redisUrl.port || 6379));
    pgUrl.host = `127.0.0.1:${postgres.port}`;
    redisUrl.host = `127.0.0.1:${redis.port}`;
    sim = await startSimulator({ DATABASE_URL: pgUrl.toString(), REDIS_URL: redisUrl.toString() }, { withWorker: false });
    await resetAll(sim);
  });
  afterAll(async () => {
    await sim?.stop();
    await postgres?.close();
    await redis?.close();
  });

  const raw = (path: string, init: RequestInit = {}) =>
    fetch(`${sim.adminUrl}${path}`, { ...init, signal: AbortSignal.timeout(HANG), headers: { Authorization: `Bearer ${TEST_ENV.ADMIN_TOKEN}`, 'Content-Type': 'application/json', ...init.headers } });

  it('with Redis down, emission answers once committed and /health says 503 at once', async () => {
    await subscribeSefaz(sim, 'SP', 'https://127.0.0.1:9/hook');
    await redis.cut();
    try {
      const emitted = await emitDuimpEvent(sim, ['SP']);
      expect(emitted.status).toBe(201);
      const [{ count }] = await sim.dataSource.query('SELECT count(*)::int AS count FROM notification WHERE event_id = $1', [emitted.body.id]);
      expect(count).toBe(1);
      const health = await raw('/health');
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'down', postgres: 'up', redis: 'down' });
    } finally {
      await redis.restore();
    }
  });

  it('with PostgreSQL down, every database route answers 503 with the error body and Retry-After', async () => {
    await postgres.cut();
    try {
      const calls: Array<[string, string, object?]> = [
        ['GET', '/admin/notificacoes'],
        ['GET', '/admin/intervenientes'],
        ['GET', '/admin/recibos'],
        ['POST', '/admin/eventos', { evento: 'dimp-registro', destinatarios: [{ tipo: 'UF', id: 'SP' }] }],
      ];
      for (const [method, path, body] of calls) {
        const response = await raw(path, { method, body: body && JSON.stringify(body) });
        expect(response.status, `${method} ${path}`).toBe(503);
        expect(response.headers.get('retry-after'), path).toMatch(/^\d+$/);
        // The admin API's own code: never one of the portal's platform codes.
        expect(await response.json(), path).toMatchObject({ status: 503, code: 'SIM-ADMIN-503', tag: expect.any(String) });
      }
      const health = await raw('/health');
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ postgres: 'down' });
    } finally {
      await postgres.restore();
    }
  });
});
