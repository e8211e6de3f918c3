import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCertificateAuthority } from '#pki';
import { emitDuimpEvent, resetAll, subscribeSefaz } from './support/fixtures.js';
import { deliveryKit } from './support/deliveries.js';
import { type Simulator, startSimulator } from './support/simulator.js';

const FIVE_MINUTES = 5 * 60 * 1000;

describe('notification delivery (SPEC §7)', () => {
  let sim: Simulator;
  const { receiver, closeReceivers, notification, waitAttempts, waitFinal } = deliveryKit(() => sim);

  beforeAll(async () => {
    sim = await startSimulator({ EGRESS_ADDRESSES: '127.0.0.2' });
  });
  beforeEach(() => resetAll(sim));
  afterEach(() => closeReceivers());
  afterAll(() => sim?.stop());

  it('200 at once: one attempt, one receipt, the portal headers, from the egress address', async () => {
    const hook = await receiver([{ status: 200, body: 'recebido' }]);
    const { subscriptionId } = await subscribeSefaz(sim, 'SP', hook.url, 'dimp-registro', 'segredo-da-sefaz');
    const emitted = await emitDuimpEvent(sim, ['SP']);
    expect(emitted.status).toBe(201);

    const [final] = await waitFinal(emitted.body.id);
    expect(final.situacao).toBe('ENTREGUE');
    const detail = await notification(final.id);
    expect(detail.tentativasRealizadas).toHaveLength(1);
    expect(detail.tentativasRealizadas[0]).toMatchObject({ numero: 1, httpStatus: 200, causa: 'OK', resposta: 'recebido', origem: '127.0.0.2' });
    expect(detail.recibo).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    expect(hook.requests).toHaveLength(1);
    const [request] = hook.requests;
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'event-type': 'dimp-registro',
      secret: 'segredo-da-sefaz',
      'destinatario-tipo': 'UF',
      'destinatario-id': 'SP',
      'id-notificacao': final.id,
    });
    expect(request.remoteAddress).toBe('127.0.0.2');
    expect(JSON.parse(request.body)).toEqual(emitted.body.payload);
    expect(emitted.body.payload.dataEvento).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0300$/);
    expect(detail.assinatura).toBe(subscriptionId);
  });

  it('500, 500, 200 on the real 5-minute schedule, run in seconds by advancing the simulated clock', async () => {
    const hook = await receiver([{ status: 500 }, { status: 500 }, { status: 200 }]);
    await subscribeSefaz(sim, 'SP', hook.url);
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const id = emitted.body.notificacoes[0].id;

    await waitAttempts(id, 1);
    const afterFirst = await notification(id);
    expect(afterFirst.situacao).toBe('PENDENTE');
    const clock = (await sim.admin('GET', '/admin/relogio')).body;
    // The retry is due 5 simulated minutes later, not before.
    expect(new Date(afterFirst.proximaTentativa).getTime() - new Date(clock.agora).getTime()).toBeGreaterThan(FIVE_MINUTES - 10_000);
    expect(await sim.relay.relayDue()).toBe(0);

    await sim.admin('POST', '/admin/relogio/avancar', { minutos: 5 });
    await waitAttempts(id, 2);
    await sim.admin('POST', '/admin/relogio/avancar', { minutos: 5 });
    const [final] = await waitFinal(emitted.body.id);

    expect(final.situacao).toBe('ENTREGUE');
    const detail = await notification(id);
    expect(detail.tentativasRealizadas.map((a: { causa: string }) => a.causa)).toEqual(['HTTP_500', 'HTTP_500', 'OK']);
    expect(detail.recibo).not.toBeNull();
    expect(hook.requests).toHaveLength(3);
    // The same notification id on every attempt, so receivers can deduplicate.
    expect(new Set(hook.requests.map((r) => r.headers['id-notificacao']))).toEqual(new Set([id]));
    const verification = (await sim.admin('GET', '/admin/recibos/verificacao')).body;
    expect(verification).toEqual({ valida: true, recibos: 1 });
  });

  it('204 is a failed attempt: only HTTP 200 counts', async () => {
    const hook = await receiver([{ status: 204 }]);
    await subscribeSefaz(sim, 'SP', hook.url);
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const id = emitted.body.notificacoes[0].id;
    const detail = await waitAttempts(id, 1);
    expect(detail.situacao).toBe('PENDENTE');
    expect((await notification(id)).tentativasRealizadas[0]).toMatchObject({
      httpStatus: 204,
      causa: 'HTTP_204',
      detalhe: expect.stringContaining('only HTTP 200'),
    });
    expect((await notification(id)).recibo).toBeNull();
  });

  it('a receiver slower than 3.5 s is a TIMEOUT', async () => {
    const hook = await receiver([{ status: 200, delayMs: 4_500 }]);
    await subscribeSefaz(sim, 'SP', hook.url);
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const detail = await waitAttempts(emitted.body.notificacoes[0].id, 1);
    const [attempt] = (await notification(detail.id)).tentativasRealizadas;
    expect(attempt.causa).toBe('TIMEOUT');
    expect(attempt.duracaoMs).toBeGreaterThanOrEqual(3_400);
    expect(attempt.duracaoMs).toBeLessThan(4_500);
    expect(attempt.esperaFilaMs).toEqual(expect.any(Number));
  });

  it('connection refused is recorded as ECONNREFUSED', async () => {
    const hook = await receiver();
    const url = hook.url;
    await hook.close();
    await subscribeSefaz(sim, 'SP', url);
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const detail = await waitAttempts(emitted.body.notificacoes[0].id, 1);
    expect((await notification(detail.id)).tentativasRealizadas[0].causa).toBe('ECONNREFUSED');
  });

  it('a server certificate from an untrusted CA is a TLS failure', async () => {
    const foreign = await createCertificateAuthority({ now: new Date(), name: 'estrangeira' });
    const hook = await receiver(undefined, foreign);
    await subscribeSefaz(sim, 'SP', hook.url);
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const detail = await waitAttempts(emitted.body.notificacoes[0].id, 1);
    expect((await notification(detail.id)).tentativasRealizadas[0].causa).toMatch(/^TLS_/);
    expect(hook.requests).toHaveLength(0);
  });

  it('three failures end FALHA and no fourth request is ever sent', async () => {
    const hook = await receiver([{ status: 500 }]);
    await subscribeSefaz(sim, 'SP', hook.url);
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const id = emitted.body.notificacoes[0].id;
    await waitAttempts(id, 1);
    await sim.admin('POST', '/admin/relogio/avancar', { minutos: 5 });
    await waitAttempts(id, 2);
    await sim.admin('POST', '/admin/relogio/avancar', { minutos: 5 });
    const [final] = await waitFinal(emitted.body.id);
    expect(final.situacao).toBe('FALHA');

    // Far in the future nothing is due, nothing is queued, and the receiver saw exactly three requests.
    const advanced = await sim.admin('POST', '/admin/relogio/avancar', { dias: 2 });
    expect(advanced.status, JSON.stringify(advanced.body)).toBe(200);
    expect(advanced.body.notificacoesLiberadas).toBe(0);
    expect(await sim.relay.relayDue()).toBe(0);
    const depth = await sim.deliveryQueue.depth();
    expect(depth.waiting + depth.active + depth.delayed).toBe(0);
    expect(hook.requests).toHaveLength(3);
    const detail = await notification(id);
    expect(detail.tentativasRealizadas).toHaveLength(3);
    expect(detail.ultimaCausa).toBe('HTTP_500');
  });

  it('an event for SP and MG reaches the SP and MG subscriptions and not RJ', async () => {
    const [sp, mg, rj] = await Promise.all([receiver(), receiver(), receiver()]);
    await subscribeSefaz(sim, 'SP', sp.url);
    await subscribeSefaz(sim, 'MG', mg.url);
    await subscribeSefaz(sim, 'RJ', rj.url);
    const emitted = await emitDuimpEvent(sim, ['SP', 'MG']);
    const finals = await waitFinal(emitted.body.id);
    expect(finals.map((n) => n.situacao)).toEqual(['ENTREGUE', 'ENTREGUE']);
    expect(emitted.body.notificacoes.map((n: { destinatario: { id: string } }) => n.destinatario.id).sort()).toEqual(['MG', 'SP']);
    expect(sp.requests).toHaveLength(1);
    expect(mg.requests).toHaveLength(1);
    expect(rj.requests).toHaveLength(0);
    expect(sp.requests[0].headers['destinatario-id']).toBe('SP');
    expect(mg.requests[0].headers['destinatario-id']).toBe('MG');
  });

  it('editing a receipt row in SQL makes the chain verification fail at that row', async () => {
    const hook = await receiver();
    await subscribeSefaz(sim, 'SP', hook.url);
    for (let i = 0; i < 3; i += 1) await waitFinal((await emitDuimpEvent(sim, ['SP'])).body.id);
    expect((await sim.admin('GET', '/admin/recibos/verificacao')).body).toEqual({ valida: true, recibos: 3 });

    // The table refuses edits; an attacker with DDL rights goes around the trigger.
    await expect(sim.dataSource.query(`UPDATE receipt SET endpoint = 'https://x' WHERE seq = 2`)).rejects.toThrow(/immutable/);
    const [second] = await sim.dataSource.query('SELECT seq, notification_id FROM receipt ORDER BY seq OFFSET 1 LIMIT 1');
    await sim.dataSource.query('ALTER TABLE receipt DISABLE TRIGGER receipt_immutable');
    try {
      await sim.dataSource.query(`UPDATE receipt SET endpoint = 'https://adulterado.example/hook' WHERE seq = $1`, [second.seq]);
    } finally {
      await sim.dataSource.query('ALTER TABLE receipt ENABLE TRIGGER receipt_immutable');
    }
    const verification = (await sim.admin('GET', '/admin/recibos/verificacao')).body;
    expect(verification.valida).toBe(false);
    expect(verification.primeiroEloQuebrado).toMatchObject({ seq: String(second.seq), notificacao: second.notification_id });
  });
});
