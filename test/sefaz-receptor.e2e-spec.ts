import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueServerCertificate, loadCertificateAuthority } from '#pki';
import { startReceptor } from '../apps/sefaz-receptor/src/main.js';
import { finishedRun } from './support/conformance.js';
import { resetAll } from './support/fixtures.js';
import { pollUntil } from './support/poll.js';
import { equipmentCertificate, loginSistema, seededParty } from './support/portal-client.js';
import { scenario } from './support/scenarios.js';
import { type Simulator, startSimulator } from './support/simulator.js';

const SCHEMA = 'sefaz_receptor_test';
const SECRET = 'chave-secreta-sp-0484a6e2';

/** The reference receiver (apps/sefaz-receptor) against the real simulator, on its own. */
describe('the reference Sefaz receiver', () => {
  let sim: Simulator;
  let receptor: INestApplication;
  let endpoint: string;
  let folder: string;
  let sp: { id: string; ni: string; system_code: string };

  beforeAll(async () => {
    sim = await startSimulator();
    await resetAll(sim);
    await sim.dataSource.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    sp = await seededParty(sim, { uf: 'SP' });
    folder = mkdtempSync(join(tmpdir(), 'receptor-'));
    const { root, intermediate } = sim.authority.caBundle();
    const server = await issueServerCertificate(await loadCertificateAuthority(sim.authority.caBundle()), { now: new Date(), ipAddresses: ['127.0.0.1'] });
    const equipment = await equipmentCertificate(sim, sp.ni);
    const files: Record<string, string> = {
      'server.pem': server.certPem + server.chainPem,
      'server-key.pem': server.keyPem,
      'ca.pem': root.certPem + intermediate.certPem,
      'sp.pem': equipment.certPem + (equipment.chainPem ?? ''),
      'sp-key.pem': equipment.keyPem,
    };
    for (const [name, pem] of Object.entries(files)) writeFileSync(join(folder, name), pem);
    // The receiver logs in at its first notification: step past earlier logins' 60 s window.
    await sim.admin('POST', '/admin/relogio/avancar', { segundos: 61 });
    receptor = await startReceptor({
      LOG_LEVEL: 'silent',
      RECEPTOR_PORT: '0',
      RECEPTOR_TLS_CERT_FILE: join(folder, 'server.pem'),
      RECEPTOR_TLS_KEY_FILE: join(folder, 'server-key.pem'),
      RECEPTOR_DATABASE_URL: sim.env.DATABASE_URL,
      RECEPTOR_SCHEMA: SCHEMA,
      RECEPTOR_SECRET: SECRET,
      RECEPTOR_CHECK_SOURCE: 'true',
      RECEPTOR_UF: 'SP',
      PORTAL_URL: sim.portalUrl,
      PORTAL_CA_FILE: join(folder, 'ca.pem'),
      PORTAL_CERT_FILE: join(folder, 'sp.pem'),
      PORTAL_KEY_FILE: join(folder, 'sp-key.pem'),
      PORTAL_SYSTEM_CODE: sp.system_code,
    });
    endpoint = `https://127.0.0.1:${(receptor.getHttpServer().address() as AddressInfo).port}/notificacoes`;
  });
  afterAll(async () => {
    await receptor?.close();
    await sim?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const inbox = (evento: string) => sim.dataSource.query(`SELECT situacao, resultado FROM ${SCHEMA}.notificacao WHERE evento = $1`, [evento]);

  it('completes the Duimp + ICMS journey by itself: stores, answers 200, reads the Duimp, answers the calculation', async () => {
    for (const evento of ['dimp-registro', 'pcce-calculo-icms']) {
      const subscribed = await sim.admin('POST', '/admin/assinaturas', { intervenienteId: sp.id, evento, endpoint, chaveSecreta: SECRET });
      expect(subscribed.status, JSON.stringify(subscribed.body)).toBe(201);
    }
    const { numero } = (await scenario(sim, 'POST', '/admin/duimps', { ufImportador: 'SP', ufDespacho: 'MG' })).duimp;
    await scenario(sim, 'POST', `/admin/duimps/${numero}/icms/solicitacao`, { ufFavorecida: 'SP' });

    const [icms] = await pollUntil(() => inbox('pcce-calculo-icms'), (rows) => rows[0]?.situacao === 'PROCESSADA', { timeoutMs: 30_000, what: 'the ICMS answered' }).catch(
      async (error: Error) => {
        // Say what the portal side saw: the notifications' attempts and causes.
        throw new Error(`${error.message}; notifications: ${JSON.stringify((await sim.admin('GET', '/admin/notificacoes')).body)}`);
      },
    );
    expect(icms.resultado.icms).toBeGreaterThan(0);
    const [registro] = await pollUntil(() => inbox('dimp-registro'), (rows) => rows[0]?.situacao === 'PROCESSADA', { what: 'the Duimp read' });
    expect(registro.resultado.situacaoDeclaracao).toBeDefined();

    // The portal holds the calculation the receiver sent; both notifications have a receipt.
    const session = await loginSistema(sim, { uf: 'SP' });
    const calculo = await session.call('GET', `/pcce/api/ext/sefaz/icms/consulta/calculo/${numero}/1`);
    expect(calculo.status, calculo.text).toBe(200);
    expect(calculo.body.situacaoSolicitacao).not.toBe('DUIMP_CALCULO_SOLICITADO');
    const delivered = await sim.admin('GET', '/admin/notificacoes?situacao=ENTREGUE');
    expect(JSON.stringify(delivered.body)).toContain('pcce-calculo-icms');
  });

  it('passes the conformance run, the wrong secret refused; a repeat is stored once', async () => {
    const started = await sim.admin('POST', '/admin/conformidade', { endpoint, interveniente: sp.ni, chaveSecreta: SECRET, carga: { taxa: 5, duracaoSegundos: 2 } });
    expect(started.status).toBe(202);
    const { run, suite, check } = await finishedRun(sim, started.body.id);
    expect(run.checks.filter((c: { veredito: string }) => c.veredito === 'FALHOU')).toEqual([]);
    expect(run.situacao).toBe('APROVADO');
    expect(check('secret')).toMatchObject({ veredito: 'PASSOU', evidencias: [{ status: 401 }] });
    expect(check('carga').medidas.p99Ms).toBeLessThan(3_500);
    expect(Number(suite.failures)).toBe(0);

    const duplicated = check('duplicidade').motivo.match(/\(([0-9a-f-]{36})\)/)[1];
    const rows = await sim.dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.notificacao WHERE id_notificacao = $1`, [duplicated]);
    expect(rows[0].n).toBe(1);
  });
});
