import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliveryKit } from './support/deliveries.js';
import { emitDuimpEvent, resetAll } from './support/fixtures.js';
import { pollUntil } from './support/poll.js';
import { loginSistema, type PortalSession } from './support/portal-client.js';
import { type Simulator, startSimulator } from './support/simulator.js';

const BASE = '/portal/api/ext/webhook';

/**
 * A subscription whose notifications have only failed for 30 days is cancelled (SPEC §5), on the simulated
 * clock. The reconciler checks on every tick, after moving retries: seeing a retry made after an advance
 * proves an earlier tick has fully run since that advance, so "still active" is a real observation.
 */
describe('automatic cancellation after 30 days of failures', () => {
  let sim: Simulator;
  let sp: PortalSession;
  const { receiver, closeReceivers, waitAttempts } = deliveryKit(() => sim);
  /** Advances the simulated clock; the session's token lives 12 simulated hours, so log in again after. */
  const advance = async (body: object) => {
    await sim.admin('POST', '/admin/relogio/avancar', body);
    sp = await loginSistema(sim, { uf: 'SP' });
  };
  const subscription = async (id: number) =>
    ((await sp.call('GET', `${BASE}?exibirInativos=true`)).body as Array<Record<string, unknown>>).find((s) => s.id === id);

  beforeAll(async () => {
    sim = await startSimulator();
    sp = await loginSistema(sim, { uf: 'SP' });
  });
  beforeEach(() => resetAll(sim));
  afterEach(() => closeReceivers());
  afterAll(() => sim?.stop());

  const subscribe = async (url: string): Promise<number> => {
    const created = await sp.call('POST', BASE, { evento: 'dimp-registro', endpoint: url });
    expect(created.status, created.text).toBe(200);
    return created.body.id;
  };
  const emit = async () => (await emitDuimpEvent(sim, ['SP'])).body.notificacoes[0].id as string;

  it('stays active after 29 days of failures and is cancelled, with reason and date, at 30', async () => {
    const id = await subscribe((await receiver([{ status: 500 }])).url);
    const notificationId = await emit();
    await waitAttempts(notificationId, 1);

    await advance({ dias: 29 });
    await waitAttempts(notificationId, 2);
    await advance({ minutos: 5 });
    expect((await waitAttempts(notificationId, 3)).situacao).toBe('FALHA');
    expect(await subscription(id)).toEqual(expect.not.objectContaining({ dataExclusao: expect.anything() }));
    expect((await sp.call('GET', BASE)).body).toHaveLength(1);

    await advance({ dias: 1 });
    const cancelled = await pollUntil(() => subscription(id), (s) => s?.dataExclusao !== undefined, { what: 'the automatic cancellation' });
    expect(cancelled).toMatchObject({ motivoExclusao: expect.stringMatching(/automaticamente.*30 dias/), dataExclusao: expect.stringMatching(/-0300$/) });
    expect((await sp.call('GET', BASE)).body).toEqual([]);
    // Nothing more is sent for it.
    expect((await emitDuimpEvent(sim, ['SP'])).body.notificacoes).toEqual([]);
  });

  it('one receipt restarts the count: 31 days after the first failure, with a success at day 15, it stays', async () => {
    const hook = await receiver([{ status: 500 }, { status: 200 }, { status: 500 }]);
    const id = await subscribe(hook.url);
    const first = await emit();
    await waitAttempts(first, 1);

    await advance({ dias: 15 });
    expect((await waitAttempts(first, 2)).situacao).toBe('ENTREGUE');
    const second = await emit();
    await waitAttempts(second, 1);

    await advance({ dias: 16 });
    await waitAttempts(second, 2);
    await advance({ minutos: 5 });
    expect((await waitAttempts(second, 3)).situacao).toBe('FALHA');
    expect(await subscription(id)).toEqual({ id, evento: 'dimp-registro', endpoint: hook.url });
  });
});
