import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { CaBundle } from '#pki';
import { pollUntil } from './poll.js';
import { type Receiver, type Reply, startReceiver } from './receiver.js';
import { resetAll } from './fixtures.js';
import { type Simulator, startSimulator } from './simulator.js';

/**
 * What a delivery suite needs against one simulator: receivers it closes after each test, a notification's
 * detail, and waits for attempts or final states. `sim` is read when called, so it may start in `beforeAll`.
 */
export function deliveryKit(sim: () => Simulator) {
  const receivers: Receiver[] = [];
  const notification = async (id: string) => (await sim().admin('GET', `/admin/notificacoes/${id}`)).body;
  return {
    /** A receiver whose certificate comes from the simulator's CA, or from `ca`. */
    receiver: async (replies?: Reply[], ca: CaBundle = sim().authority.caBundle()) => {
      const started = await startReceiver(ca, replies);
      receivers.push(started);
      return started;
    },
    closeReceivers: () => Promise.all(receivers.splice(0).map((receiver) => receiver.close())),
    notification,
    waitAttempts: (id: string, attempts: number) =>
      pollUntil(() => notification(id), (n) => n.tentativas >= attempts, { what: `${attempts} attempt(s) of ${id}` }),
    /** Every notification of an emitted event, once all are final. */
    waitFinal: async (eventoId: string, timeoutMs = 15_000) => {
      const response = await sim().admin('GET', `/admin/notificacoes/aguardar?eventoId=${eventoId}&timeoutMs=${timeoutMs}`);
      expect(response.status).toBe(200);
      return response.body.notificacoes as Array<{ id: string; situacao: string }>;
    },
  };
}

/**
 * A delivery suite on one real simulator: started once, reset before each test, its receivers closed after
 * each and the simulator stopped at the end. `sim()` is the running simulator.
 */
export function simulatorSuite() {
  let running: Simulator | undefined;
  const sim = () => running!;
  beforeAll(async () => {
    running = await startSimulator();
  });
  const kit = deliveryKit(sim);
  beforeEach(() => resetAll(sim()));
  afterEach(() => kit.closeReceivers());
  afterAll(() => running?.stop());
  return { sim, ...kit };
}
