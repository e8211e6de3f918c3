import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorker } from '../apps/worker/src/main.js';
import { emitDuimpEvent, resetAll, subscribeSefaz } from './support/fixtures.js';
import { pollUntil } from './support/poll.js';
import { exited, spawnWorker } from './support/processes.js';
import { type Receiver, startReceiver } from './support/receiver.js';
import { type Simulator, startSimulator } from './support/simulator.js';
import { TEST_ENV } from './support/test-env.js';

/** Nothing is lost (SPEC §10): whatever happens to Redis or a worker, every notification ends final. */
describe('resilience', () => {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const boot = async () => {
    const sim = await startSimulator({}, { withWorker: false });
    cleanups.push(() => sim.stop());
    await resetAll(sim);
    return sim;
  };
  const receiverFor = async (sim: Simulator, replies: Parameters<typeof startReceiver>[1]) => {
    const receiver: Receiver = await startReceiver(sim.authority.caBundle(), replies);
    cleanups.push(() => receiver.close());
    return receiver;
  };

  it('after Redis loses everything (FLUSHDB), the reconciler still delivers', async () => {
    const sim = await boot();
    const receiver = await receiverFor(sim, [{ status: 200 }]);
    await subscribeSefaz(sim, 'SP', receiver.url);
    await subscribeSefaz(sim, 'MG', receiver.url);
    const emitted = await emitDuimpEvent(sim, ['SP', 'MG']);
    expect(emitted.body.notificacoes).toHaveLength(2);
    expect((await sim.deliveryQueue.depth()).waiting).toBe(2);

    const redis = new Redis(TEST_ENV.REDIS_URL);
    await redis.flushdb();
    await redis.quit();
    expect((await sim.deliveryQueue.depth()).waiting).toBe(0);

    const worker = await startWorker(sim.env);
    cleanups.push(() => worker.close());
    const waited = await sim.admin('GET', `/admin/notificacoes/aguardar?eventoId=${emitted.body.id}&minimo=2&timeoutMs=20000`);
    expect(waited.status).toBe(200);
    expect(waited.body.notificacoes.map((n: { situacao: string }) => n.situacao)).toEqual(['ENTREGUE', 'ENTREGUE']);
    expect(receiver.requests).toHaveLength(2);
  });

  it('the reconciler enqueues again only what Redis lost, not an attempt waiting in the slow lane past its lease', async () => {
    const sim = await boot();
    await subscribeSefaz(sim, 'SP', 'https://127.0.0.1:9/hook');
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const job = { notificationId: emitted.body.notificacoes[0].id as string, attempt: 1 };
    const { queue, slowQueue } = sim.deliveryQueue;
    const waiting = async () => [(await queue.getJobCounts('waiting')).waiting, (await slowQueue.getJobCounts('waiting')).waiting];
    const leaseRunsOut = () =>
      sim.dataSource.query(`UPDATE notification SET enqueued_at = now() - interval '1 hour' WHERE id = $1`, [job.notificationId]);

    // As a worker moves a slow endpoint's attempt: out of the main lane, into the slow one, where it waits.
    await queue.drain(true);
    await sim.deliveryQueue.enqueueSlow(job);
    await leaseRunsOut();
    expect(await sim.relay.relayDue()).toBe(0);
    expect(await waiting()).toEqual([0, 1]);

    await slowQueue.drain(true);
    await leaseRunsOut();
    expect(await sim.relay.relayDue()).toBe(1);
    expect(await waiting()).toEqual([1, 0]);
  });

  it('a worker killed (SIGKILL) mid-delivery loses nothing: the attempt is made again and receipted once', async () => {
    const sim = await boot();
    // The first request is held until the worker is dead; the repeat is answered at once.
    const receiver = await receiverFor(sim, [{ status: 200, delayMs: 30_000 }, { status: 200 }]);
    await subscribeSefaz(sim, 'SP', receiver.url);

    const doomed = spawnWorker();
    cleanups.push(() => doomed.kill('SIGKILL'));
    const emitted = await emitDuimpEvent(sim, ['SP']);
    const id = emitted.body.notificacoes[0].id;
    await pollUntil(async () => receiver.requests.length, (n) => n === 1, { what: 'the first request', timeoutMs: 20_000 });
    doomed.kill('SIGKILL');
    await exited(doomed);

    const survivor = await startWorker(sim.env);
    cleanups.push(() => survivor.close());
    const waited = await sim.admin('GET', `/admin/notificacoes/aguardar?eventoId=${emitted.body.id}&timeoutMs=20000`);
    expect(waited.status).toBe(200);
    expect(waited.body.notificacoes[0].situacao).toBe('ENTREGUE');

    // At-least-once: the receiver saw the same notification twice, the log has one receipt.
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests.map((r) => r.headers['id-notificacao'])).toEqual([id, id]);
    const detail = (await sim.admin('GET', `/admin/notificacoes/${id}`)).body;
    expect(detail.tentativasRealizadas).toHaveLength(1);
    expect(detail.recibo).not.toBeNull();
    const [{ count }] = await sim.dataSource.query('SELECT count(*)::int AS count FROM receipt WHERE notification_id = $1', [id]);
    expect(count).toBe(1);
  });
});
