import https from 'node:https';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blockEnd, brasiliaClock, hourStart, MAINTENANCE_MESSAGE } from '#platform';
import { deliveryKit } from './support/deliveries.js';
import { emitDuimpEvent, resetAll, subscribeSefaz } from './support/fixtures.js';
import { pollUntil } from './support/poll.js';
import { type ClientCertificate, equipmentCertificate, loginSistema, portalRequest, seededParty } from './support/portal-client.js';
import { type Simulator, startSimulator } from './support/simulator.js';

/** The platform's behaviours towards integrators (SPEC §3): access limits, maintenance window, access keys, revocation. */
describe('portal platform behaviours', () => {
  let sim: Simulator;
  const kit = deliveryKit(() => sim);

  beforeAll(async () => {
    sim = await startSimulator();
    await resetAll(sim);
  });
  afterEach(async () => {
    await kit.closeReceivers();
    await sim.admin('DELETE', '/admin/plataforma/manutencao/abrir');
  });
  afterAll(() => sim?.stop());

  const now = async () => new Date((await sim.admin('GET', '/admin/relogio')).body.agora);
  const advance = (ms: number) => sim.admin('POST', '/admin/relogio/avancar', { ms });

  describe('access limits (PUCX-ER1001)', () => {
    it('blocks a poller over its quota until the end of the hour, escalates a second time, and lets it in after each block', async () => {
      const updated = await sim.admin('PUT', '/admin/plataforma/limites', { ativo: true, limites: { 'duimp-eventos': 3 } });
      expect(updated.body.funcoes).toContainEqual(expect.objectContaining({ funcao: 'duimp-eventos', limitePorHora: 3 }));
      const session = await loginSistema(sim, { uf: 'RJ' });
      const poll = () => session.call('GET', '/duimp-api/api/ext/sefaz/eventos?inicio=2025-01-01&fim=2025-01-02');

      for (let call = 0; call < 3; call++) expect((await poll()).status).toBe(200);
      const first = await poll();
      const start = hourStart(await now());
      expect(first.status).toBe(422);
      expect(first.body).toMatchObject({
        code: 'PUCX-ER1001',
        message: `Foi atingido o limite de 3 acessos permitidos à funcionalidade em uma hora. A funcionalidade estará disponível novamente após as ${brasiliaClock(blockEnd(start, 1))}.`,
      });
      // Other functions stay open while this one is blocked.
      expect((await session.call('GET', '/portal/api/ext/webhook')).status).toBe(200);
      const rj = await seededParty(sim, { uf: 'RJ' });
      const counters = (await sim.admin('GET', `/admin/plataforma/limites/contadores?ni=${rj.ni}`)).body;
      expect(counters).toContainEqual(expect.objectContaining({ funcao: 'duimp-eventos', acessos: 4, reincidencias: 1, dia: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), bloqueadoAte: blockEnd(start, 1).toISOString() }));

      // The next clock hour lets it in again (the CSRF token lives 60 minutes: within reach).
      await advance(blockEnd(start, 1).getTime() - (await now()).getTime() + 1_000);
      expect((await poll()).status).toBe(200);
      for (let call = 0; call < 2; call++) expect((await poll()).status).toBe(200);
      const second = await poll();
      expect(second.body.code).toBe('PUCX-ER1001');
      const secondStart = hourStart(await now());
      expect(second.body.message).toContain(`após as ${brasiliaClock(blockEnd(secondStart, 2))}.`);

      // The admin API lifts the block.
      const lifted = await sim.admin('DELETE', `/admin/plataforma/limites/bloqueios/${rj.ni}?funcao=duimp-eventos`);
      expect(lifted.body).toEqual({ ni: rj.ni, funcoes: 1 });
      expect((await poll()).status).toBe(200);
    });

    it('can be switched off, and refuses quotas for unknown functions with 422 and nothing written', async () => {
      const bad = await sim.admin('PUT', '/admin/plataforma/limites', { ativo: false, limites: { 'nao-existe': 5, 'duimp-eventos': 0 } });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limites.duimp-eventos', 'limites.nao-existe']);
      expect((await sim.admin('GET', '/admin/plataforma/limites')).body.ativo).toBe(true);

      await sim.admin('PUT', '/admin/plataforma/limites', { ativo: false, limites: { 'duimp-eventos': 1 } });
      const session = await loginSistema(sim, { uf: 'MG' });
      for (let call = 0; call < 3; call++) {
        expect((await session.call('GET', '/duimp-api/api/ext/sefaz/eventos?inicio=2025-01-01&fim=2025-01-02')).status).toBe(200);
      }
      await sim.admin('PUT', '/admin/plataforma/limites', { ativo: true, limites: { 'duimp-eventos': 600 } });
    });
  });

  describe('maintenance window (PUCX-ER0401)', () => {
    it('answers PUCX-ER0401 on every portal route, and a notification emitted meanwhile is delivered after the window', async () => {
      const receiver = await kit.receiver();
      await subscribeSefaz(sim, 'SP', receiver.url);
      const session = await loginSistema(sim, { uf: 'BA' });
      const opened = await sim.admin('POST', '/admin/plataforma/manutencao/abrir', { minutos: 30 });
      expect(opened.body).toMatchObject({ emManutencao: true });

      const routes: Array<[string, string]> = [
        ['POST', '/portal/api/autenticar'],
        ['POST', '/portal/api/autenticar/sistema'],
        ['POST', '/portal/api/autenticar/chave-acesso'],
        ['POST', '/portal/api/autenticar/chave-acesso/sistema'],
        ['GET', '/portal/api/sessao'],
        ['GET', '/portal/api/ext/webhook'],
        ['GET', '/portal/api/ext/webhook/ips'],
        ['GET', '/duimp-api/api/ext/sefaz/eventos?inicio=2025-01-01&fim=2025-01-02'],
        ['GET', '/duimp-api/api/ext/sefaz/duimp/20BR00001001899'],
        ['GET', '/pcce/api/ext/sefaz/icms/consulta/calculo/20BR00001001899/1'],
      ];
      for (const [method, path] of routes) {
        for (const response of [await portalRequest(sim, { method, path }), await session.call(method, path)]) {
          expect(response.status, `${method} ${path}`).toBe(422);
          expect(response.body).toMatchObject({ code: 'PUCX-ER0401', message: MAINTENANCE_MESSAGE });
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        }
      }

      const emitted = await emitDuimpEvent(sim, ['SP']);
      expect(emitted.status).toBe(201);
      const id = emitted.body.notificacoes[0].id;
      // The worker puts the attempt off to the window's end: nothing sent, no attempt counted.
      const [deferred] = await pollUntil(
        () => sim.dataSource.query('SELECT attempts, next_attempt_at, enqueued_at FROM notification WHERE id = $1', [id]),
        ([row]) => row.enqueued_at === null && new Date(row.next_attempt_at) > new Date(Date.now() + 60_000),
        { what: 'the attempt put off to the end of the window' },
      );
      expect(deferred.attempts).toBe(0);
      expect(receiver.requests).toHaveLength(0);
      expect((await kit.notification(id)).situacao).toBe('PENDENTE');

      await advance(30 * 60_000 + 1_000);
      const [final] = await kit.waitFinal(emitted.body.id);
      expect(final.situacao).toBe('ENTREGUE');
      expect(await kit.notification(id)).toMatchObject({ tentativas: 1 });
      expect(receiver.requests).toHaveLength(1);
      expect((await session.call('GET', '/portal/api/sessao')).status).toBe(200);
    });

    it('follows the daily window 01:00–03:00 (Brasília) once switched on', async () => {
      await sim.admin('PUT', '/admin/plataforma/manutencao', { diaria: true });
      try {
        // Move to the next 01:30 in Brasília (04:30 UTC).
        const current = await now();
        const target = new Date(current);
        target.setUTCHours(4, 30, 0, 0);
        if (target <= current) target.setUTCDate(target.getUTCDate() + 1);
        await advance(target.getTime() - current.getTime());
        const during = await portalRequest(sim, { path: '/portal/api/sessao' });
        expect(during.body.code).toBe('PUCX-ER0401');
        await advance(90 * 60_000 + 1_000);
        const after = await portalRequest(sim, { path: '/portal/api/sessao' });
        expect(after.status).toBe(401);
      } finally {
        await sim.admin('PUT', '/admin/plataforma/manutencao', { diaria: false });
      }
    });
  });

  describe('access-key login', () => {
    const keyLogin = (path: string, headers: Record<string, string>) => portalRequest(sim, { method: 'POST', path, headers });

    it('logs a Sefaz system in with Client-Id, Client-Secret and System-Code, and refuses the key once revoked', async () => {
      const pe = await seededParty(sim, { uf: 'PE' });
      const issued = await sim.admin('POST', '/admin/chaves-acesso', { ni: pe.ni });
      expect(issued.status).toBe(201);
      const { clientId, clientSecret } = issued.body;
      const [stored] = await sim.dataSource.query('SELECT secret_sha256 FROM access_key WHERE client_id = $1', [clientId]);
      expect(stored.secret_sha256).not.toContain(clientSecret);
      expect(JSON.stringify((await sim.admin('GET', `/admin/chaves-acesso?ni=${pe.ni}`)).body)).not.toContain(clientSecret);

      const path = '/portal/api/autenticar/chave-acesso/sistema';
      const wrongSecret = await keyLogin(path, { 'Client-Id': clientId, 'Client-Secret': 'x', 'System-Code': pe.system_code });
      expect(wrongSecret.body).toMatchObject({ status: 422, code: 'PLAT-ER8008' });
      const wrongSystem = await keyLogin(path, { 'Client-Id': clientId, 'Client-Secret': clientSecret, 'System-Code': 'NAO-EXISTE' });
      expect(wrongSystem.body.code).toBe('PLAT-ER8003');

      await advance(61_000);
      const login = await keyLogin(path, { 'Client-Id': clientId, 'Client-Secret': clientSecret, 'System-Code': pe.system_code });
      expect(login.status).toBe(200);
      expect(login.body).toEqual({ token: login.headers['x-csrf-token'] });
      const me = await portalRequest(sim, {
        path: '/portal/api/sessao',
        headers: { Authorization: String(login.headers['set-token']), 'X-CSRF-Token': String(login.headers['x-csrf-token']) },
      });
      expect(me.body).toMatchObject({ ni: pe.ni, uf: 'PE' });

      expect((await sim.admin('DELETE', `/admin/chaves-acesso/${clientId}`)).status).toBe(200);
      await advance(61_000);
      const revoked = await keyLogin(path, { 'Client-Id': clientId, 'Client-Secret': clientSecret, 'System-Code': pe.system_code });
      expect(revoked.body).toMatchObject({ status: 422, code: 'PLAT-ER8008', message: expect.stringContaining('revogada') });
      expect((await sim.admin('DELETE', `/admin/chaves-acesso/${clientId}`)).body.code).toBe('SIM-ADMIN-404');
    });

    it('refuses the user route without Role-Type, and a public body outside its profiles', async () => {
      const pe = await seededParty(sim, { uf: 'PE' });
      const { clientId, clientSecret } = (await sim.admin('POST', '/admin/chaves-acesso', { ni: pe.ni })).body;
      const path = '/portal/api/autenticar/chave-acesso';
      expect((await keyLogin(path, { 'Client-Id': clientId, 'Client-Secret': clientSecret })).body.code).toBe('PUCX-ER0101');
      expect((await keyLogin(path, { 'Client-Id': clientId, 'Client-Secret': clientSecret, 'Role-Type': 'NADA' })).body.code).toBe('PUCX-ER0102');
      expect((await keyLogin(path, { 'Role-Type': 'TERCEIROS' })).body.code).toBe('PLAT-ER8008');
      expect((await keyLogin(path, { 'Client-Id': clientId, 'Client-Secret': clientSecret, 'Role-Type': 'TERCEIROS' })).body.code).toBe('PLAT-ER2023');
    });
  });

  describe('revocation on every login', () => {
    /** A login over one kept-alive TLS connection, reporting whether the socket was reused. */
    const keptAlive = (agent: https.Agent, certificate: ClientCertificate, systemCode: string) =>
      new Promise<{ status: number; body: any; reusedSocket: boolean }>((resolve, reject) => {
        const { root, intermediate } = sim.authority.caBundle();
        const request = https.request(
          new URL('/portal/api/autenticar/sistema', sim.portalUrl),
          {
            method: 'POST',
            agent,
            headers: { 'System-Code': systemCode },
            ca: [root.certPem, intermediate.certPem],
            cert: certificate.certPem + (certificate.chainPem ?? ''),
            key: certificate.keyPem,
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), reusedSocket: request.reusedSocket }));
          },
        );
        request.on('error', reject);
        request.end();
      });

    it('refuses a certificate revoked while its client holds a keep-alive connection, on that same connection', async () => {
      const ce = await seededParty(sim, { uf: 'CE' });
      const certificate = await equipmentCertificate(sim, ce.ni);
      const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        await advance(61_000);
        const first = await keptAlive(agent, certificate, ce.system_code);
        expect(first.status).toBe(200);

        expect((await sim.admin('POST', `/admin/certificados/${certificate.serialNumber}/revogacao`, {})).status).toBeLessThan(300);
        await advance(61_000);
        const second = await keptAlive(agent, certificate, ce.system_code);
        expect(second.reusedSocket).toBe(true);
        expect(second).toMatchObject({ status: 422, body: { code: 'PLAT-ER2001', message: expect.stringContaining('revogado') } });
      } finally {
        agent.destroy();
      }
    });
  });
});
