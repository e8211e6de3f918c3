import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emitDuimpEvent, resetAll } from './support/fixtures.js';
import { fromXml, loginSistema, type PortalSession, XML_HEADERS } from './support/portal-client.js';
import { deliveryKit } from './support/deliveries.js';
import { type Simulator, startSimulator } from './support/simulator.js';

const BASE = '/portal/api/ext/webhook';

/** The webhook subscription API as a Sefaz calls it, over mTLS-authenticated sessions (SPEC §5). */
describe('portal webhook subscription API (SPEC §5)', () => {
  let sim: Simulator;
  let sp: PortalSession;
  let rj: PortalSession;
  const { receiver, closeReceivers, notification, waitAttempts, waitFinal } = deliveryKit(() => sim);

  beforeAll(async () => {
    sim = await startSimulator({ EGRESS_ADDRESSES: '127.0.0.2' });
    sp = await loginSistema(sim, { uf: 'SP' });
    rj = await loginSistema(sim, { uf: 'RJ' });
  });
  beforeEach(() => resetAll(sim));
  afterEach(() => closeReceivers());
  afterAll(() => sim?.stop());

  it('Sefaz-SP subscribes, lists and reads its subscription, then receives the event; chaveSecreta is never returned', async () => {
    const hook = await receiver([{ status: 200 }]);
    const created = await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: hook.url, chaveSecreta: 'segredo-sp' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ id: expect.any(Number), evento: 'dimp-registro', endpoint: hook.url });
    const { id } = created.body;

    const list = await sp.call('GET', BASE);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([{ id, evento: 'dimp-registro', endpoint: hook.url }]);
    const one = await sp.call('GET', `${BASE}/${id}`);
    expect(one.body).toEqual({ id, evento: 'dimp-registro', endpoint: hook.url });
    for (const response of [created, list, one]) expect(response.text).not.toContain('segredo-sp');

    const emitted = await emitDuimpEvent(sim, ['SP']);
    expect(emitted.status).toBe(201);
    const [final] = await waitFinal(emitted.body.id);
    expect(final.situacao).toBe('ENTREGUE');
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0].headers).toMatchObject({ 'event-type': 'dimp-registro', secret: 'segredo-sp', 'destinatario-id': 'SP' });
  });

  it('validation errors are 422 naming the field and the rule', async () => {
    const insecure = await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: 'http://127.0.0.1:9/hook' });
    expect(insecure.status).toBe(422);
    expect(insecure.body.errors).toEqual([expect.objectContaining({ field: 'endpoint', code: 'ENDPOINT_NAO_HTTPS' })]);

    const script = await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: 'javascript:alert(1)' });
    expect(script.status).toBe(422);
    expect(script.body.errors).toEqual([expect.objectContaining({ field: 'endpoint', code: 'ENDPOINT_NAO_HTTPS' })]);

    const tooLong = await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: `https://127.0.0.1/${'a'.repeat(500)}` });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'endpoint', code: 'ENDPOINT_TAMANHO' })]);

    const unknown = await sp.call('POST', BASE, { evento: 'nao-existe', endpoint: 'https://127.0.0.1/hook' });
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'evento', code: 'EVENTO_INEXISTENTE' })]);
    const forbidden = await sp.call('POST', BASE, { evento: 'talp-registro-lpco', endpoint: 'https://127.0.0.1/hook' });
    expect(forbidden.status).toBe(422);
    expect(forbidden.body.errors).toEqual([expect.objectContaining({ field: 'evento', code: 'EVENTO_NAO_PERMITIDO' })]);
    const missing = await sp.call('POST', BASE, { evento: 'dimp-registro' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'endpoint' })]));

    expect((await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: 'https://127.0.0.1/a' })).status).toBe(200);
    const duplicate = await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: 'https://127.0.0.1/b' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'evento', code: 'ASSINATURA_DUPLICADA' })]);
  });

  it('speaks XML both ways: create, list, read, change and delete, with errors in XML too', async () => {
    const hook = await receiver([{ status: 200 }]);
    const created = await sp.call(
      'POST',
      BASE,
      `<?xml version="1.0" encoding="UTF-8"?><assinatura><evento>dimp-registro</evento><endpoint>${hook.url}</endpoint><chaveSecreta>s&amp;p</chaveSecreta></assinatura>`,
      XML_HEADERS,
    );
    expect(created.status, created.text).toBe(200);
    expect(created.headers['content-type']).toMatch(/^application\/xml/);
    const { assinatura } = fromXml(created.text);
    expect(assinatura).toEqual({ id: expect.stringMatching(/^\d+$/), evento: 'dimp-registro', endpoint: hook.url });
    const id = Number(assinatura.id);

    const list = fromXml((await sp.call('GET', BASE, undefined, { Accept: 'application/xml' })).text);
    expect(list).toEqual({ assinaturas: { assinatura: { id: String(id), evento: 'dimp-registro', endpoint: hook.url } } });
    expect(fromXml((await sp.call('GET', `${BASE}/${id}`, undefined, XML_HEADERS)).text).assinatura.endpoint).toBe(hook.url);

    // The id in the body is typed by the DTO: a number in XML as in JSON.
    const changed = await sp.call('PUT', `${BASE}/${id}`, `<assinatura><id>${id}</id><endpoint>${hook.url}/novo</endpoint></assinatura>`, XML_HEADERS);
    expect(changed.status, changed.text).toBe(200);
    expect(fromXml(changed.text).assinatura.endpoint).toBe(`${hook.url}/novo`);

    const refused = await sp.call('POST', BASE, '<assinatura><evento>dimp-retificacao</evento><endpoint>http://127.0.0.1/x</endpoint></assinatura>', XML_HEADERS);
    expect(refused.status).toBe(422);
    expect(fromXml(refused.text).erro).toMatchObject({ message: expect.any(String), errors: { code: 'ENDPOINT_NAO_HTTPS', field: 'endpoint' } });
    const unknownField = await sp.call('POST', BASE, '<assinatura><evento>dimp-retificacao</evento><endpoint>https://127.0.0.1/x</endpoint><extra>1</extra></assinatura>', XML_HEADERS);
    expect(fromXml(unknownField.text).erro.errors).toMatchObject({ code: 'CAMPO_DESCONHECIDO', field: 'extra' });

    expect((await sp.call('DELETE', `${BASE}/${id}`, undefined, XML_HEADERS)).status).toBe(200);
    const inactive = fromXml((await sp.call('GET', `${BASE}?exibirInativos=true`, undefined, XML_HEADERS)).text);
    expect(inactive.assinaturas.assinatura).toMatchObject({ id: String(id), dataExclusao: expect.stringMatching(/-0300$/) });
    // The secret went through XML entity decoding and came out on the wire as sent.
    expect((await sim.dataSource.query('SELECT secret FROM subscription WHERE id = $1', [id]))[0].secret).toBe('s&p');
  });

  it('refuses XML with a DOCTYPE or an entity declaration, and malformed XML, before reading it', async () => {
    const attacks = [
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><assinatura><evento>&x;</evento><endpoint>https://127.0.0.1/x</endpoint></assinatura>',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><assinatura><evento>&lol2;</evento></assinatura>',
      '<!doctype assinatura><assinatura/>',
    ];
    for (const body of attacks) {
      const response = await sp.call('POST', BASE, body, XML_HEADERS);
      expect(response.status).toBe(400);
      expect(fromXml(response.text).erro).toMatchObject({ code: 'PUCX-ER0400', message: expect.stringContaining('DOCTYPE') });
    }
    const malformed = await sp.call('POST', BASE, '<assinatura><evento>dimp-registro</assinatura>', XML_HEADERS);
    expect(malformed.status).toBe(400);
    expect(fromXml(malformed.text).erro.message).toMatch(/malformado/);
    // An undeclared entity is not expanded: it stays text and fails the catalogue rule.
    const undeclared = await sp.call('POST', BASE, '<assinatura><evento>&x;</evento><endpoint>https://127.0.0.1/x</endpoint></assinatura>', XML_HEADERS);
    expect(undeclared.status).toBe(422);
    expect((await sp.call('GET', BASE)).body).toEqual([]);
  });

  it("another Sefaz's subscription is invisible: 404 on GET, PUT and DELETE, and absent from its list", async () => {
    const { id } = (await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: 'https://127.0.0.1/sp' })).body;
    for (const [method, body] of [['GET'], ['PUT', { endpoint: 'https://127.0.0.1/rj' }], ['DELETE']] as const) {
      const response = await rj.call(method, `${BASE}/${id}`, body);
      expect(response.status, method).toBe(404);
    }
    expect((await rj.call('GET', `${BASE}?exibirInativos=true`)).body).toEqual([]);
    expect((await sp.call('GET', `${BASE}/${id}`)).body.endpoint).toBe('https://127.0.0.1/sp');
    expect((await sp.call('GET', `${BASE}/999999999`)).status).toBe(404);
    expect((await sp.call('GET', `${BASE}/abc`)).status).toBe(404);
  });

  it('PUT changes the endpoint, validated like POST; the next attempt goes to the new endpoint', async () => {
    const old = await receiver([{ status: 500 }]);
    const fresh = await receiver([{ status: 200 }]);
    const { id } = (await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: old.url, chaveSecreta: 's1' })).body;
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const notificationId = emitted.body.notificacoes[0].id;
    await waitAttempts(notificationId, 1);

    const refused = await sp.call('PUT', `${BASE}/${id}`, { endpoint: 'http://127.0.0.1/x' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('endpoint');
    const updated = await sp.call('PUT', `${BASE}/${id}`, { id, evento: 'dimp-registro', endpoint: fresh.url });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ id, evento: 'dimp-registro', endpoint: fresh.url });

    await sim.admin('POST', '/admin/relogio/avancar', { minutos: 5 });
    const [final] = await waitFinal(emitted.body.id);
    expect(final.situacao).toBe('ENTREGUE');
    expect(old.requests).toHaveLength(1);
    expect(fresh.requests).toHaveLength(1);
    // An omitted chaveSecreta keeps the current one.
    expect(fresh.requests[0].headers.secret).toBe('s1');
  });

  it('DELETE cancels pending notifications; the deleted subscription shows with exibirInativos', async () => {
    const hook = await receiver([{ status: 500 }]);
    const { id } = (await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: hook.url })).body;
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const notificationId = emitted.body.notificacoes[0].id;
    expect((await waitAttempts(notificationId, 1)).situacao).toBe('PENDENTE');

    expect((await sp.call('DELETE', `${BASE}/${id}`)).status).toBe(200);
    expect((await notification(notificationId)).situacao).toBe('CANCELADA');
    expect((await sp.call('DELETE', `${BASE}/${id}`)).status).toBe(404);
    expect((await sp.call('PUT', `${BASE}/${id}`, { endpoint: hook.url })).status).toBe(404);

    expect((await sp.call('GET', BASE)).body).toEqual([]);
    const inactive = (await sp.call('GET', `${BASE}?exibirInativos=true`)).body;
    expect(inactive).toEqual([
      {
        id,
        evento: 'dimp-registro',
        endpoint: hook.url,
        dataExclusao: expect.stringMatching(/-0300$/),
        motivoExclusao: expect.any(String),
      },
    ]);
    // The evento may be subscribed again once the old subscription is gone.
    expect((await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: hook.url })).status).toBe(200);
  });

  it('/eventos lists what a Sefaz may subscribe; /ips the egress addresses', async () => {
    const eventos = await sp.call('GET', `${BASE}/eventos`);
    expect(eventos.status).toBe(200);
    const ids = eventos.body.map((e: { evento: string }) => e.evento);
    expect(ids).toContain('dimp-registro');
    expect(ids.filter((id: string) => id.startsWith('talp-'))).toEqual([]);
    expect((await sp.call('GET', `${BASE}/ips`)).body).toEqual(['127.0.0.2']);
  });

  it('/falhas lists the notifications that ended in FALHA with each attempt and its cause', async () => {
    const hook = await receiver([{ status: 503 }]);
    await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: hook.url });
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const notificationId = emitted.body.notificacoes[0].id;
    await waitAttempts(notificationId, 1);
    await sim.admin('POST', '/admin/relogio/avancar', { minutos: 5 });
    await waitAttempts(notificationId, 2);
    await sim.admin('POST', '/admin/relogio/avancar', { minutos: 5 });
    const [final] = await waitFinal(emitted.body.id);
    expect(final.situacao).toBe('FALHA');

    const falhas = await sp.call('GET', `${BASE}/falhas`);
    expect(falhas.status).toBe(200);
    expect(falhas.body).toHaveLength(1);
    expect(falhas.body[0]).toMatchObject({ idNotificacao: notificationId, evento: 'dimp-registro' });
    expect(falhas.body[0].tentativas.map((t: { causa: string }) => t.causa)).toEqual(['HTTP_503', 'HTTP_503', 'HTTP_503']);
    expect((await rj.call('GET', `${BASE}/falhas`)).body).toEqual([]);
  });
});
