import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { finishedRun } from './support/conformance.js';
import { deliveryKit } from './support/deliveries.js';
import { seededParty } from './support/portal-client.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { selfSignedCertificate } from './support/self-signed.js';
import { type Simulator, startSimulator } from './support/simulator.js';

describe('conformance run of an endpoint (/admin/conformidade)', () => {
  let sim: Simulator;
  let sp: string;
  const { receiver, closeReceivers } = deliveryKit(() => sim);
  const extra: Receiver[] = [];
  const light = { carga: { taxa: 5, duracaoSegundos: 1 } };

  beforeAll(async () => {
    sim = await startSimulator({}, { withWorker: false });
    sp = (await seededParty(sim, { uf: 'SP' })).ni;
  });
  afterEach(async () => {
    await closeReceivers();
    await Promise.all(extra.splice(0).map((r) => r.close()));
  });
  afterAll(() => sim?.stop());

  const start = async (body: object) => {
    const started = await sim.admin('POST', '/admin/conformidade', body);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body).toMatchObject({ conformidade: true, situacao: 'EM_ANDAMENTO' });
    return finishedRun(sim, started.body.id);
  };

  it('passes a receiver that answers 200 at once: one JUnit testcase per check, none failing, no receipt written', async () => {
    const hook = await receiver([{ status: 200 }]);
    const receiptsBefore = (await sim.dataSource.query('SELECT count(*)::int AS n FROM receipt'))[0].n;
    const { run, suite, check } = await start({ endpoint: hook.url, interveniente: sp, chaveSecreta: 'segredo-123', ...light });

    expect(run.situacao).toBe('APROVADO');
    const sefazEvents = run.parametros.eventos as string[];
    expect(sefazEvents).toEqual(expect.arrayContaining(['dimp-registro', 'pcce-calculo-icms', 'anex-docs-sefaz']));
    for (const evento of sefazEvents) expect(check(`evento:${evento}`)).toMatchObject({ veredito: 'PASSOU', evidencias: [{ status: 200 }] });
    expect(check('duplicidade')).toMatchObject({ veredito: 'PASSOU', conselho: expect.stringContaining('id-notificacao') });
    // This receiver takes any secret: reported, not failed.
    expect(check('secret')).toMatchObject({ veredito: 'AVISO', motivo: expect.stringContaining('wrong secret') });
    expect(check('tls').veredito).toBe('PASSOU');
    expect(check('rede-portal')).toMatchObject({ veredito: 'AVISO', motivo: expect.stringContaining('port') });
    expect(check('carga')).toMatchObject({ veredito: 'PASSOU', medidas: { enviadas: 5, erros: 0 } });

    // What the endpoint saw is what the portal sends: its headers, a valid payload, the secret.
    const first = hook.requests.find((request) => request.headers['event-type'] === 'dimp-registro')!;
    expect(first.headers).toMatchObject({ 'destinatario-tipo': 'UF', 'destinatario-id': 'SP', secret: 'segredo-123' });
    expect(JSON.parse(first.body)).toMatchObject({ ufs: [{ uf: 'SP', tipoInteresse: 'DESPACHO' }] });
    const ids = hook.requests.map((request) => request.headers['id-notificacao']);
    expect(ids.length - new Set(ids).size).toBe(1); // only the duplicate check repeats an id

    expect(suite.testcase).toHaveLength(run.checks.length);
    expect(Number(suite.failures)).toBe(0);
    expect(suite.testcase.some((testcase: { failure?: unknown }) => testcase.failure)).toBe(false);
    // Kept apart from normal traffic: no receipt in the main chain.
    expect((await sim.dataSource.query('SELECT count(*)::int AS n FROM receipt'))[0].n).toBe(receiptsBefore);
  });

  it('fails a receiver answering 204, naming the status in the only-200 check and its JUnit failure', async () => {
    const hook = await receiver([{ status: 204 }]);
    const { run, suite, check } = await start({ endpoint: hook.url, interveniente: sp, eventos: ['dimp-registro', 'pcce-calculo-icms'], ...light });
    expect(run.situacao).toBe('REPROVADO');
    expect(check('somente-200')).toMatchObject({ veredito: 'FALHOU', motivo: expect.stringContaining('204') });
    expect(check('evento:dimp-registro')).toMatchObject({ veredito: 'FALHOU', evidencias: [{ status: 204, causa: 'HTTP_204' }] });
    const failed = suite.testcase.find((testcase: { name: string }) => testcase.name === 'somente-200');
    expect(failed.failure.message).toContain('204');
  });

  it('fails a receiver answering after 4 s: a timeout at the portal budget', async () => {
    const hook = await receiver([{ status: 200, delayMs: 4_000 }]);
    const { run, suite, check } = await start({ endpoint: hook.url, interveniente: sp, eventos: ['dimp-registro'], carga: { taxa: 2, duracaoSegundos: 1 } });
    expect(run.situacao).toBe('REPROVADO');
    expect(check('evento:dimp-registro')).toMatchObject({ veredito: 'FALHOU', motivo: expect.stringContaining('3500 ms'), evidencias: [{ causa: 'TIMEOUT' }] });
    expect(check('carga')).toMatchObject({ veredito: 'FALHOU', medidas: { erros: 2 } });
    expect(suite.testcase.find((testcase: { name: string }) => testcase.name === 'evento:dimp-registro').failure).toBeDefined();
  });

  it('fails a receiver serving a self-signed certificate, naming it', async () => {
    const hook = await startReceiver(sim.authority.caBundle(), [{ status: 200 }], '/hook', selfSignedCertificate());
    extra.push(hook);
    const { run, check } = await start({ endpoint: hook.url, interveniente: sp, eventos: ['dimp-registro'], ...light });
    expect(run.situacao).toBe('REPROVADO');
    expect(check('tls')).toMatchObject({ veredito: 'FALHOU', motivo: expect.stringContaining('self-signed'), evidencias: [{ causa: 'TLS_DEPTH_ZERO_SELF_SIGNED_CERT' }] });
    expect(check('evento:dimp-registro').evidencias[0].causa).toMatch(/^TLS_/);
    expect(hook.requests).toHaveLength(0);
  });

  it('fails the network rules under the portal profile; refuses bad input with the portal error body', async () => {
    const hook = await receiver([{ status: 200 }]);
    const { check } = await start({ endpoint: hook.url, interveniente: sp, eventos: ['dimp-registro'], perfil: 'portal', ...light });
    expect(check('rede-portal')).toMatchObject({ veredito: 'FALHOU', motivo: expect.stringMatching(/port \d+.*loopback|loopback/) });

    const bad = await sim.admin('POST', '/admin/conformidade', { endpoint: 'http://127.0.0.1/x', interveniente: sp, eventos: ['talp-registro-lpco'] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((error: { code: string }) => error.code)).toEqual(expect.arrayContaining(['ENDPOINT_NAO_HTTPS']));
    const notAllowed = await sim.admin('POST', '/admin/conformidade', { endpoint: hook.url, interveniente: sp, eventos: ['talp-registro-lpco'] });
    expect(notAllowed.status).toBe(422);
    expect(notAllowed.body.errors).toEqual([expect.objectContaining({ code: 'EVENTO_NAO_PERMITIDO', field: 'eventos.0' })]);
    expect((await sim.admin('POST', '/admin/conformidade', { endpoint: hook.url })).status).toBe(422);
    expect((await sim.admin('GET', '/admin/conformidade/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await sim.admin('POST', '/admin/conformidade', { assinaturaId: 999_999 })).status).toBe(404);
  });

  it('npm run conformidade: prints a summary, writes the JUnit file and exits 0, or 1 when a check fails', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'conformidade-'));
    const cli = (endpoint: string, junit: string) =>
      promisify(execFile)('node', ['scripts/conformidade.mjs', '--endpoint', endpoint, '--interveniente', sp, '--eventos', 'dimp-registro', '--taxa', '2', '--duracao', '1', '--junit', junit], {
        env: { ...process.env, ADMIN_URL: sim.adminUrl, ADMIN_TOKEN: sim.env.ADMIN_TOKEN },
      }).then(
        (done) => ({ code: 0, stdout: done.stdout }),
        (failed: { code: number; stdout: string }) => ({ code: failed.code, stdout: failed.stdout }),
      );
    try {
      const good = await cli((await receiver([{ status: 200 }])).url, join(folder, 'ok.xml'));
      expect(good.code, good.stdout).toBe(0);
      expect(good.stdout).toMatch(/ok +evento:dimp-registro/);
      expect(good.stdout).toContain('APROVADO');
      expect(new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(folder, 'ok.xml'), 'utf8')).testsuites['@_failures']).toBe('0');

      const bad = await cli((await receiver([{ status: 204 }])).url, join(folder, 'bad.xml'));
      expect(bad.code, bad.stdout).toBe(1);
      expect(bad.stdout).toMatch(/FAIL +somente-200 .*204/);
      expect(readFileSync(join(folder, 'bad.xml'), 'utf8')).toContain('<failure');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
