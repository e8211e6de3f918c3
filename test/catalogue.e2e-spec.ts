import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_CATALOG, validatePayload } from '#catalog';
import { SEEDED_PRIVADOS } from '../libs/database/src/seeds/authorization-base.js';
import { deliveryKit } from './support/deliveries.js';
import { resetAll } from './support/fixtures.js';
import { pollUntil } from './support/poll.js';
import { loginRoleType, loginSistema, portalRequest, type PortalSession, XML_HEADERS } from './support/portal-client.js';
import { type Simulator, startSimulator } from './support/simulator.js';

const BASE = '/portal/api/ext/webhook';

describe('the catalogue with its provenance, raw emission checked, one clock (issue 13)', () => {
  let sim: Simulator;
  const { receiver, closeReceivers, notification, waitAttempts, waitFinal } = deliveryKit(() => sim);

  beforeAll(async () => {
    sim = await startSimulator();
  });
  beforeEach(() => resetAll(sim));
  afterEach(() => closeReceivers());
  afterAll(() => sim?.stop());

  it('the admin catalogue shows every entry with its provenance and schema; /eventos shows a party its own', async () => {
    const catalogue = await sim.admin('GET', '/admin/eventos/catalogo');
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.map((entry: { evento: string }) => entry.evento)).toEqual(EVENT_CATALOG.map((event) => event.id));
    const recepcao = catalogue.body.find((entry: { evento: string }) => entry.evento === 'cctr-resultado-recepcao');
    expect(recepcao.proveniencia).toMatchObject({ tipo: 'documentado', fontes: [{ endereco: expect.stringMatching(/^https:\/\//), lidoEm: '2026-12-01' }] });
    expect(recepcao.schema.properties.data.pattern).toContain('Z$');
    const registro = catalogue.body.find((entry: { evento: string }) => entry.evento === 'dimp-registro');
    expect(registro.proveniencia).toMatchObject({ tipo: 'simulado', motivo: expect.stringContaining('enum') });

    const sp = await loginSistema(sim, { uf: 'SP' });
    const eventos = (await sp.call('GET', `${BASE}/eventos`)).body;
    expect(eventos.find((entry: { evento: string }) => entry.evento === 'dimp-retificacao').proveniencia.tipo).toBe('proposta');
    expect(eventos.some((entry: { evento: string }) => entry.evento === 'duex-historico')).toBe(false);
  });

  it('POST /admin/eventos: a generated body without payload, 422 naming the field, validarPayload false, no __proto__', async () => {
    for (const event of EVENT_CATALOG) {
      const destinatario = { UF: 'SP', ORGAO: 'ANVISA', NI: SEEDED_PRIVADOS[0].ni }[event.recipientType];
      const emitted = await sim.admin('POST', '/admin/eventos', { evento: event.id, destinatarios: [{ tipo: event.recipientType, id: destinatario }], seed: 5 });
      expect(emitted.status, event.id).toBe(201);
      expect(validatePayload(event.id, emitted.body.payload).errors, event.id).toEqual([]);
    }
    const destinatarios = [{ tipo: 'UF', id: 'SP' }];
    const wrong = await sim.admin('POST', '/admin/eventos', { evento: 'dimp-desembaraco', destinatarios, payload: { numero: '20BR00001001899', versao: 1, evento: 'REGISTRO', ufs: [{ uf: 'SP', tipoInteresse: 'DESPACHO' }] } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ code: 'PAYLOAD_INVALIDO', field: 'payload.evento' });
    const forced = await sim.admin('POST', '/admin/eventos', { evento: 'dimp-desembaraco', destinatarios, validarPayload: false, payload: { numero: 'x' } });
    expect(forced.status).toBe(201);
    expect(forced.body.payload).toMatchObject({ numero: 'x', dataEvento: expect.stringMatching(/-0300$/) });
    for (const key of ['__proto__', 'constructor']) {
      const body = `{"evento":"dimp-cancelamento","destinatarios":[{"tipo":"UF","id":"SP"}],"${key}":{"validarPayload":false}}`;
      const polluted = await fetch(`${sim.adminUrl}/admin/eventos`, { method: 'POST', headers: { Authorization: 'Bearer test-admin-token-0123456789', 'Content-Type': 'application/json' }, body });
      expect(polluted.status, key).toBe(422);
      expect(JSON.stringify(await polluted.json()), key).toContain(key);
    }
    const unknown = await sim.admin('POST', '/admin/eventos', { evento: '__proto__', destinatarios });
    expect(unknown.body.errors[0].code).toBe('EVENTO_INEXISTENTE');
  });

  it('a private importer logs in with its e-CPF, subscribes duex-historico through the portal API and receives it', async () => {
    const [person] = SEEDED_PRIVADOS;
    const certificate = (await sim.admin('POST', '/admin/certificados', { tipo: 'e-CPF', nome: 'Importador Teste', cpf: person.ni })).body;
    const importer = await loginRoleType(sim, certificate, 'IMPEXP');
    const eventos = (await importer.call('GET', `${BASE}/eventos`)).body.map((entry: { evento: string }) => entry.evento);
    expect(eventos).toEqual(expect.arrayContaining(['duex-historico', 'dimp-registro-import', 'talp-altsit-lpco-anu']));
    expect(eventos).not.toContain('dimp-registro');

    const hook = await receiver();
    const subscribed = await importer.call('POST', BASE, { evento: 'duex-historico', endpoint: hook.url });
    expect(subscribed.status).toBe(200);
    const emitted = await sim.admin('POST', '/admin/eventos', { evento: 'duex-historico', destinatarios: [{ tipo: 'NI', id: person.ni }] });
    expect((await waitFinal(emitted.body.id)).map((n) => n.situacao)).toEqual(['ENTREGUE']);
    const [request] = hook.requests;
    expect(request.headers['event-type']).toBe('duex-historico');
    expect(request.headers['destinatario-tipo']).toBe('NI');
    expect(request.headers['destinatario-id']).toBe(person.ni);
    expect(JSON.parse(request.body)).toEqual(emitted.body.payload);
    expect(JSON.parse(request.body).data).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}:\d{3}$/);
  });

  it('a talp-altsit-lpco-anu notification carries the holder cpfCnpj', async () => {
    const [, company] = SEEDED_PRIVADOS;
    const hook = await receiver();
    const [party] = await sim.dataSource.query('SELECT id FROM interveniente WHERE ni = $1', [company.ni]);
    await sim.admin('POST', '/admin/assinaturas', { intervenienteId: party.id, evento: 'talp-altsit-lpco-anu', endpoint: hook.url });
    const lpco = (await sim.admin('POST', '/admin/lpcos', { codigoModelo: 'I00101', niInteressado: company.ni })).body.lpco.numero;
    const changed = await sim.admin('POST', `/admin/lpcos/${lpco}/situacao/anuente`, { situacao: 'DEFERIDO', justificativa: 'Conforme.' });
    const event = changed.body.eventos.find((candidate: { evento: string }) => candidate.evento === 'talp-altsit-lpco-anu');
    await waitFinal(event.id);
    const body = JSON.parse(hook.requests[0].body);
    expect(body).toMatchObject({ numeroLPCO: lpco, cpfCnpj: [company.ni], novaSituacao: { id: 'DEFERIDO' }, justificativa: 'Conforme.' });
    expect(validatePayload('talp-altsit-lpco-anu', body).errors).toEqual([]);
  });

  it('one clock: 26 simulated minutes on, every timestamp of a notification reads the same instant everywhere', async () => {
    const sp = await loginSistema(sim, { uf: 'SP' });
    const mg: PortalSession = await loginSistema(sim, { uf: 'MG' });
    const ok = await receiver([{ status: 200 }]);
    const failing = await receiver([{ status: 503 }]);
    await sp.call('POST', BASE, { evento: 'dimp-retificacao', endpoint: ok.url });
    await mg.call('POST', BASE, { evento: 'dimp-retificacao', endpoint: failing.url });
    await sim.admin('POST', '/admin/relogio/avancar', { minutos: 26 });

    const emitted = await sim.admin('POST', '/admin/eventos', { evento: 'dimp-retificacao', destinatarios: [{ tipo: 'UF', id: 'SP' }, { tipo: 'UF', id: 'MG' }] });
    const dataEvento: string = emitted.body.payload.dataEvento;
    const instant = Date.parse(dataEvento.replace(/-0300$/, '-03:00'));
    const simNow = Date.parse((await sim.admin('GET', '/admin/relogio')).body.agora);
    // On the simulated clock: about 26 minutes ahead of the real one, not on it.
    expect(instant - Date.now()).toBeGreaterThan(25 * 60_000);
    expect(Math.abs(simNow - instant)).toBeLessThan(60_000);

    const byUf = Object.fromEntries(emitted.body.notificacoes.map((n: { id: string; destinatario: { id: string } }) => [n.destinatario.id, n.id]));
    await waitAttempts(byUf.MG, 1);
    for (let attempt = 2; attempt <= 3; attempt += 1) {
      await sim.admin('POST', '/admin/relogio/avancar', { minutos: 5 });
      await waitAttempts(byUf.MG, attempt);
    }
    await waitFinal(emitted.body.id);

    const delivered = await notification(byUf.SP);
    expect(Date.parse(delivered.criadaEm)).toBe(instant);
    expect(delivered.payload.dataEvento).toBe(dataEvento);
    const received = JSON.parse((await pollUntil(() => Promise.resolve(ok.requests), (r) => r.length === 1, { what: 'delivery' }))[0].body);
    expect(received.dataEvento).toBe(dataEvento);
    // Attempt and receipt follow the event on the same clock, within the delivery's own seconds.
    const attemptAt = Date.parse(delivered.tentativasRealizadas[0].inicio);
    const receiptAt = Date.parse(delivered.recibo.recebidoEm);
    for (const at of [attemptAt, receiptAt, Date.parse(delivered.concluidaEm)]) {
      expect(at).toBeGreaterThanOrEqual(instant);
      expect(at - instant).toBeLessThan(60_000);
    }

    const failed = await notification(byUf.MG);
    expect(Date.parse(failed.criadaEm)).toBe(instant);
    const falhas = (await mg.call('GET', `${BASE}/falhas`)).body;
    const falha = falhas.find((entry: { idNotificacao: string }) => entry.idNotificacao === byUf.MG);
    expect(falha.dataEvento).toBe(dataEvento);
    expect(falha.tentativas).toHaveLength(3);
    const offsets = falha.tentativas.map((t: { data: string }) => Date.parse(t.data.replace(/-0300$/, '-03:00')) - instant);
    // Attempts at about 0, 5 and 10 simulated minutes after the event (the portal's schedule).
    offsets.forEach((offset: number, index: number) => expect(Math.round(offset / 60_000 / 5)).toBe(index));
    const listed = (await sim.admin('GET', `/admin/notificacoes?eventoId=${emitted.body.id}`)).body;
    for (const entry of listed) expect(Date.parse(entry.criadaEm)).toBe(instant);
  });

  it('XML errors carry the tag too: DOCTYPE refusals and parser errors', async () => {
    const sp = await loginSistema(sim, { uf: 'SP' });
    for (const body of ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><assinatura><evento>&a;</evento></assinatura>', '<assinatura><evento>x</assinatura>']) {
      const response = await sp.call('POST', BASE, body, XML_HEADERS);
      expect(response.status).toBe(400);
      expect(response.text).toMatch(/<tag>[^<]+<\/tag>/);
    }
    const unauthenticated = await portalRequest(sim, { method: 'POST', path: BASE, body: '<a><b>', headers: XML_HEADERS });
    expect(unauthenticated.text).toMatch(/<tag>[^<]+<\/tag>/);
  });
});
