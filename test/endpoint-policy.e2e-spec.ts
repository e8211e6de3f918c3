import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliveryKit } from './support/deliveries.js';
import { type DnsServer, startDnsServer } from './support/dns-server.js';
import { emitDuimpEvent, resetAll } from './support/fixtures.js';
import { loginSistema, type PortalSession } from './support/portal-client.js';
import { type Simulator, startSimulator } from './support/simulator.js';

const BASE = '/portal/api/ext/webhook';

/**
 * The `portal` endpoint profile (SPEC §5): https on 443 to public addresses only, judged when subscribing
 * and again on the address dialled at every send. Names resolve through a real DNS server on loopback;
 * the public addresses it hands out are never dialled.
 */
describe('endpoint policy: the portal profile', () => {
  let sim: Simulator;
  let dns: DnsServer;
  let sp: PortalSession;
  const { notification, waitAttempts } = deliveryKit(() => sim);
  const subscribe = (endpoint: string) => sp.call('POST', BASE, { evento: 'dimp-registro', endpoint });

  beforeAll(async () => {
    dns = await startDnsServer({
      'sefaz.exemplo.gov.br': '200.152.32.10',
      'interno.exemplo.gov.br': '10.20.30.40',
      'metadados.exemplo.gov.br': '169.254.169.254',
    });
    sim = await startSimulator({ ENDPOINT_POLICY: 'portal', DNS_SERVERS: dns.address });
    sp = await loginSistema(sim, { uf: 'SP' });
  });
  beforeEach(() => resetAll(sim));
  afterAll(async () => {
    await sim?.stop();
    await dns?.close();
  });

  it('refuses a port other than 443, loopback, private and metadata addresses, and names that do not resolve', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['https://127.0.0.1:9443/hook', 'ENDPOINT_PORTA', /porta 443/],
      ['https://127.0.0.1/hook', 'ENDPOINT_ENDERECO_NAO_PUBLICO', /loopback/],
      ['https://[::1]/hook', 'ENDPOINT_ENDERECO_NAO_PUBLICO', /loopback/],
      ['https://192.168.0.10/hook', 'ENDPOINT_ENDERECO_NAO_PUBLICO', /privado/],
      ['https://interno.exemplo.gov.br/hook', 'ENDPOINT_ENDERECO_NAO_PUBLICO', /10\.20\.30\.40.*privado/],
      ['https://metadados.exemplo.gov.br/hook', 'ENDPOINT_ENDERECO_NAO_PUBLICO', /metadados/],
      ['https://inexistente.exemplo.gov.br/hook', 'ENDPOINT_NAO_RESOLVIDO', /não resolve/],
    ];
    for (const [endpoint, code, message] of cases) {
      const response = await subscribe(endpoint);
      expect(response.status, endpoint).toBe(422);
      expect(response.body.errors, endpoint).toEqual([{ code, field: 'endpoint', message: expect.stringMatching(message) }]);
    }
    expect((await sp.call('GET', BASE)).body).toEqual([]);
  });

  it('judges IPv4-mapped and NAT64 IPv6 literals by the IPv4 address they reach', async () => {
    const cases: Array<[string, RegExp]> = [
      ['https://[::ffff:127.0.0.1]/x', /loopback/],
      ['https://[::ffff:7f00:1]/x', /loopback/],
      ['https://[::ffff:a9fe:a9fe]/x', /metadados/],
      ['https://[0:0:0:0:0:ffff:10.0.0.1]/x', /privado/],
      ['https://[64:ff9b::7f00:1]/x', /loopback/],
    ];
    for (const [endpoint, message] of cases) {
      const response = await subscribe(endpoint);
      expect(response.status, endpoint).toBe(422);
      expect(response.body.errors, endpoint).toEqual([{ code: 'ENDPOINT_ENDERECO_NAO_PUBLICO', field: 'endpoint', message: expect.stringMatching(message) }]);
    }
    expect((await sp.call('GET', BASE)).body).toEqual([]);
  });

  it('refuses at send time an endpoint that is an IPv4-mapped loopback literal', async () => {
    const created = await subscribe('https://sefaz.exemplo.gov.br/hook');
    expect(created.status, created.text).toBe(200);
    // A row written before the subscription check knew mapped forms.
    await sim.dataSource.query(`UPDATE subscription SET endpoint = 'https://[::ffff:7f00:1]/hook' WHERE id = $1`, [created.body.id]);
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const { id } = await waitAttempts(emitted.body.notificacoes[0].id, 1);
    const [attempt] = (await notification(id)).tentativasRealizadas;
    expect(attempt).toMatchObject({ causa: 'ENDPOINT_ENDERECO_NAO_PUBLICO', httpStatus: null });
    expect(attempt.detalhe).toMatch(/loopback/);
  });

  it('accepts a public name on 443, and refuses at send time once the name resolves to loopback', async () => {
    const created = await subscribe('https://sefaz.exemplo.gov.br/hook');
    expect(created.status, created.text).toBe(200);

    // DNS rebinding: the name now points inside. The attempt is refused before any connection.
    dns.records.set('sefaz.exemplo.gov.br', '127.0.0.1');
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const { id } = await waitAttempts(emitted.body.notificacoes[0].id, 1);
    const [attempt] = (await notification(id)).tentativasRealizadas;
    expect(attempt).toMatchObject({ causa: 'ENDPOINT_ENDERECO_NAO_PUBLICO', httpStatus: null });
    expect(attempt.detalhe).toMatch(/127\.0\.0\.1 \(loopback\)/);
  });
});
