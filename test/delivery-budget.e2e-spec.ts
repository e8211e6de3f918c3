import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookClient } from '#notifications';
import { type Receiver, startReceiver } from './support/receiver.js';
import { type Simulator, startSimulator } from './support/simulator.js';

/**
 * The 3.5 s budget is the receiver's time (SPEC §10): requests queued behind a busy connection pool
 * wait for a socket without it counting, and the wait is recorded apart.
 */
describe('delivery budget', () => {
  let sim: Simulator;
  let receiver: Receiver;
  beforeAll(async () => {
    sim = await startSimulator({}, { withWorker: false });
    // Each answer takes a fifth of the budget; five queued behind one socket wait longer than the budget.
    receiver = await startReceiver(sim.authority.caBundle(), [{ status: 200, delayMs: 400 }]);
  });
  afterAll(async () => {
    await receiver?.close();
    await sim?.stop();
  });

  it('never fails an attempt for waiting on its own connection pool, and records that wait', async () => {
    const client = new WebhookClient({ timeoutMs: 2_000, ca: sim.authority.trustedCaPems(), maxSocketsPerOrigin: 1 });
    try {
      const sends = Array.from({ length: 6 }, () => client.send({ endpoint: receiver.url, headers: { 'Content-Type': 'application/json' }, body: '{}' }));
      const outcomes = await Promise.all(sends);
      expect(outcomes.map((outcome) => outcome.cause)).toEqual(Array(6).fill('OK'));
      expect(receiver.requests).toHaveLength(6);
      // One socket: each request after the first waited at least one whole answer for it.
      const waits = outcomes.map((outcome) => outcome.queueMs).sort((a, b) => a - b);
      expect(waits[5]).toBeGreaterThanOrEqual(2_000);
    } finally {
      client.close();
    }
  });
});
