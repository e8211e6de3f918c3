import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCnpj } from '#brazilian-ids';
import { resetAll } from './support/fixtures.js';
import { type Simulator, startSimulator } from './support/simulator.js';
import { TEST_ENV } from './support/test-env.js';

describe('admin API: auth, validation and error bodies', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({}, { withWorker: false });
    await resetAll(sim);
  });
  afterAll(() => sim?.stop());

  const raw = (path: string, init: RequestInit = {}) => fetch(`${sim.adminUrl}${path}`, init);

  it('is unreachable without the admin token, with the error body and a code of its own', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', TEST_ENV.ADMIN_TOKEN]) {
      const response = await raw('/admin/notificacoes', { headers: authorization ? { Authorization: authorization } : {} });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ status: 401, code: 'SIM-ADMIN-401', tag: expect.any(String) });
    }
  });

  it('health and metrics need no token and report PostgreSQL, Redis and delivery metrics', async () => {
    const health = await raw('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'up', postgres: 'up', redis: 'up' });
    const metrics = await (await raw('/metrics')).text();
    expect(metrics).toContain('pucomex_queue_jobs');
    expect(metrics).toContain('pucomex_deliveries_total');
  });

  it('rejects invalid and unknown fields with 422 naming each field, writing nothing', async () => {
    const response = await sim.admin('POST', '/admin/intervenientes', { ni: '123', nome: '', tipo: 'SEFAZ', extra: 1 });
    expect(response.status).toBe(422);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['ni', 'nome', 'uf', 'extra']));
    expect(response.body.errors.find((e: { field: string }) => e.field === 'extra').code).toBe('CAMPO_DESCONHECIDO');
    const [{ count }] = await sim.dataSource.query(`SELECT count(*)::int AS count FROM interveniente WHERE ni = '123'`);
    expect(count).toBe(0);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    const headers = { Authorization: `Bearer ${TEST_ENV.ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
    const malformed = await raw('/admin/eventos', { method: 'POST', headers, body: '{"evento": ' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ status: 400, code: 'SIM-ADMIN-400' });
    const huge = await raw('/admin/eventos', { method: 'POST', headers, body: JSON.stringify({ evento: 'x'.repeat(2_000_000) }) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ status: 413 });
  });

  it('refuses subscriptions the portal would refuse, naming field and rule', async () => {
    const sefaz = await sim.admin('POST', '/admin/intervenientes', { ni: generateCnpj(), nome: 'Sefaz SP', tipo: 'SEFAZ', uf: 'SP' });
    expect(sefaz.status).toBe(201);
    const subscribe = (body: object) => sim.admin('POST', '/admin/assinaturas', { intervenienteId: sefaz.body.id, ...body });

    const cases: Array<[object, string, string]> = [
      [{ evento: 'dimp-registro', endpoint: 'http://127.0.0.1:9443/hook' }, 'endpoint', 'ENDPOINT_NAO_HTTPS'],
      [{ evento: 'dimp-registro', endpoint: `https://x.example/${'a'.repeat(500)}` }, 'endpoint', 'ENDPOINT_TAMANHO'],
      [{ evento: 'nao-existe', endpoint: 'https://127.0.0.1/hook' }, 'evento', 'EVENTO_INEXISTENTE'],
      [{ evento: 'talp-registro-lpco', endpoint: 'https://127.0.0.1/hook' }, 'evento', 'EVENTO_NAO_PERMITIDO'],
    ];
    for (const [body, field, code] of cases) {
      const response = await subscribe(body);
      expect(response.status).toBe(422);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect((await subscribe({ evento: 'dimp-registro', endpoint: 'https://127.0.0.1:9443/hook' })).status).toBe(201);
    const duplicate = await subscribe({ evento: 'dimp-registro', endpoint: 'https://127.0.0.1:9444/hook' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors[0]).toMatchObject({ field: 'evento', code: 'ASSINATURA_DUPLICADA' });
  });

  it('refuses events outside the catalogue and recipients of the wrong kind', async () => {
    const unknown = await sim.admin('POST', '/admin/eventos', { evento: 'dimp-xyz', destinatarios: [{ tipo: 'UF', id: 'SP' }] });
    expect(unknown.status).toBe(422);
    const wrongKind = await sim.admin('POST', '/admin/eventos', { evento: 'dimp-registro', destinatarios: [{ tipo: 'ORGAO', id: 'ANVISA' }] });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.errors[0].field).toBe('destinatarios.0.tipo');
    const [{ count }] = await sim.dataSource.query('SELECT count(*)::int AS count FROM event');
    expect(count).toBe(0);
  });

  it('the wait call answers 408 with the current state when notifications do not become final in time', async () => {
    const sefaz = await sim.admin('POST', '/admin/intervenientes', { ni: generateCnpj(), nome: 'Sefaz RJ', tipo: 'SEFAZ', uf: 'RJ' });
    await sim.admin('POST', '/admin/assinaturas', { intervenienteId: sefaz.body.id, evento: 'dimp-cancelamento', endpoint: 'https://127.0.0.1:1/hook' });
    // No worker runs in this suite: the notification stays PENDENTE.
    const emitted = await sim.admin('POST', '/admin/eventos', { evento: 'dimp-cancelamento', destinatarios: [{ tipo: 'UF', id: 'RJ' }] });
    const waited = await sim.admin('GET', `/admin/notificacoes/aguardar?eventoId=${emitted.body.id}&timeoutMs=200`);
    expect(waited.status).toBe(408);
    expect(waited.body).toMatchObject({ code: 'SIM-ADMIN-408', concluido: false, notificacoes: [{ situacao: 'PENDENTE' }] });
  });

  it('publishes the CA and issues receiver certificates', async () => {
    const ca = await sim.admin('GET', '/admin/pki/ca.pem');
    expect(ca.status).toBe(200);
    expect(ca.body.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    const issued = await sim.admin('POST', '/admin/pki/certificados-servidor', { ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'] });
    expect(issued.status).toBe(201);
    expect(issued.body.certPem).toContain('BEGIN CERTIFICATE');
    expect(issued.body.keyPem).toContain('PRIVATE KEY');
  });

  it('a process with a bad setting refuses to start and names the variable', () => {
    const result = spawnSync(process.execPath, ['dist/apps/gateway/src/main.js'], {
      env: { ...process.env, ...TEST_ENV, DELIVERY_TIMEOUT_MS: 'soon' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DELIVERY_TIMEOUT_MS');
  });
});
