import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCnpj } from '#brazilian-ids';
import { pollUntil } from '../support/poll.js';
import { exited, freePort, spawnGateway, spawnWorker } from '../support/processes.js';
import { adminCall } from '../support/simulator.js';
import { TEST_ENV } from '../support/test-env.js';
import { missingTools, OwnPostgres, OwnRedis } from './infrastructure.js';
import { type Behaviour, type FaultReceiver, startFaultReceiver } from './receivers.js';

/** `ci` runs in a few minutes inside .ci/run; `long` (FAULT_PROFILE=long) streams longer and faster. */
const PROFILE = process.env.FAULT_PROFILE === 'long' ? { streamMs: 60_000, perSecond: 40 } : { streamMs: 9_000, perSecond: 8 };

/** Receivers by UF: SP and MG answer 200 at once; RJ hangs, BA resets, PR answers slowly (within budget). */
const UF_BEHAVIOUR: Record<string, Behaviour> = { SP: 'ok', MG: 'ok', RJ: 'hang', BA: 'reset', PR: 'slow' };

interface Accepted {
  eventId: string;
  notifications: string[];
}

interface Report {
  fault: string;
  accepted: number;
  delivered: number;
  failed: number;
  lost: number;
  duplicateReceipts: number;
  sentAfterFinal: number;
  repeatsSeen: number;
}

const skip = missingTools();
if (skip) console.warn(`fault suite skipped: ${skip}`);

/**
 * Faults under a steady event stream (issue 16, SPEC §10): real gateway and worker processes from dist/,
 * a PostgreSQL and a Redis of the suite's own (so it may kill them), loopback receivers. After each fault
 * every accepted event must have all its notifications, each final or scheduled, with one receipt.
 */
describe.skipIf(skip !== null)('fault suite', () => {
  const postgres = new OwnPostgres();
  const redis = new OwnRedis();
  const receivers = new Map<string, FaultReceiver>();
  const workers: ChildProcess[] = [];
  let gateway: ChildProcess;
  let db: pg.Client;
  let env: Record<string, string>;
  let adminUrl: string;
  const reports: Report[] = [];

  const admin = (method: string, path: string, body?: unknown) => adminCall(adminUrl, TEST_ENV.ADMIN_TOKEN, method, path, body);
  const healthy = (url: string) => fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);

  const startGateway = async () => {
    gateway = spawnGateway(env);
    await pollUntil(() => healthy(adminUrl), (status) => status === 200, { what: 'the gateway', timeoutMs: 90_000, intervalMs: 200 });
  };
  const startWorker = async () => {
    const port = await freePort();
    const worker = spawnWorker({ ...env, WORKER_PORT: String(port) });
    workers.push(worker);
    await pollUntil(() => healthy(`http://127.0.0.1:${port}`), (status) => status === 200, { what: 'a worker', timeoutMs: 90_000, intervalMs: 200 });
    return worker;
  };
  const killWorker = async (worker: ChildProcess) => {
    worker.kill('SIGKILL');
    await exited(worker);
    workers.splice(workers.indexOf(worker), 1);
  };

  beforeAll(async () => {
    await postgres.init();
    await redis.start();
    const adminPort = await freePort();
    env = {
      LOG_LEVEL: 'silent',
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      ADMIN_PORT: String(adminPort),
      PORTAL_PORT: String(await freePort()),
      RECONCILE_INTERVAL_MS: '200',
      RECONCILE_LEASE_MS: '3000',
      QUEUE_LOCK_DURATION_MS: '3000',
      SHUTDOWN_DEADLINE_MS: '5000',
    };
    adminUrl = `http://127.0.0.1:${adminPort}`;
    await startGateway();
    await startWorker();
    db = new pg.Client({ connectionString: postgres.url });
    db.on('error', () => undefined);
    await db.connect();

    const issued = await admin('POST', '/admin/pki/certificados-servidor', {});
    for (const [uf, behaviour] of Object.entries(UF_BEHAVIOUR)) {
      const receiver = await startFaultReceiver(issued.body.certPem + issued.body.chainPem, issued.body.keyPem, behaviour);
      receivers.set(uf, receiver);
      const party = await admin('POST', '/admin/intervenientes', { ni: generateCnpj(), nome: `Sefaz ${uf} (falhas)`, tipo: 'SEFAZ', uf });
      const subscription = await admin('POST', '/admin/assinaturas', { intervenienteId: party.body.id, evento: 'dimp-registro', endpoint: receiver.url });
      if (subscription.status !== 201) throw new Error(`assinatura ${uf}: ${JSON.stringify(subscription.body)}`);
    }
  }, 240_000);

  afterAll(async () => {
    console.log(
      ['fault suite (' + (process.env.FAULT_PROFILE ?? 'ci') + ' profile):', ...reports.map((r) => `  ${r.fault}: accepted ${r.accepted}, delivered ${r.delivered}, failed ${r.failed}, lost ${r.lost}, duplicate receipts ${r.duplicateReceipts}, sent after final ${r.sentAfterFinal}, repeats seen by receivers ${r.repeatsSeen}`)].join('\n'),
    );
    for (const worker of workers) worker.kill('SIGKILL');
    gateway?.kill('SIGKILL');
    await db?.end().catch(() => undefined);
    for (const receiver of receivers.values()) await receiver.close();
    await redis.kill();
    postgres.destroy();
  }, 60_000);

  /** Emits `dimp-registro` to `ufs` at the profile's rate for its duration; `strike` runs a third of the way in. */
  async function streamWith(ufs: string[], strike: () => Promise<void>, recover: () => Promise<void>): Promise<Accepted[]> {
    const accepted: Accepted[] = [];
    const pending = new Set<Promise<void>>();
    const emit = () => {
      const sent = fetch(`${adminUrl}/admin/eventos`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TEST_ENV.ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ evento: 'dimp-registro', destinatarios: ufs.map((uf) => ({ tipo: 'UF', id: uf })) }),
        signal: AbortSignal.timeout(30_000),
      })
        .then(async (response) => {
          if (response.status >= 200 && response.status < 300) {
            const body = (await response.json()) as { id: string; notificacoes: Array<{ id: string }> };
            accepted.push({ eventId: body.id, notifications: body.notificacoes.map((n) => n.id) });
          } else await response.arrayBuffer();
        })
        .catch(() => undefined)
        .finally(() => pending.delete(sent));
      pending.add(sent);
    };
    const started = Date.now();
    let struck = false;
    let recovered = false;
    const interval = setInterval(emit, 1_000 / PROFILE.perSecond);
    try {
      await pollUntil(
        async () => {
          const elapsed = Date.now() - started;
          if (!struck && elapsed > PROFILE.streamMs / 3) {
            struck = true;
            await strike();
          }
          if (struck && !recovered && elapsed > (2 * PROFILE.streamMs) / 3) {
            recovered = true;
            await recover();
          }
          return recovered && Date.now() - started > PROFILE.streamMs;
        },
        (done) => done,
        { what: 'the stream', timeoutMs: PROFILE.streamMs + 180_000, intervalMs: 100 },
      );
    } finally {
      clearInterval(interval);
    }
    await Promise.all(pending);
    return accepted;
  }

  /** Waits until every accepted notification is final, advancing the simulated clock past each retry delay. */
  async function settle(accepted: Accepted[], ufs: string[]): Promise<Report & { states: Map<string, string> }> {
    const ids = accepted.flatMap((event) => event.notifications);
    const states = async () =>
      (await db.query<{ id: string; status: string; attempts: number; next_attempt_at: Date | null }>(
        'SELECT id, status, attempts, next_attempt_at FROM notification WHERE id = ANY($1::uuid[])',
        [ids],
      )).rows;
    let lastAdvance = 0;
    await pollUntil(
      async () => {
        const rows = await states().catch(() => []);
        const open = rows.filter((row) => row.status === 'PENDENTE');
        // Attempts that failed wait 5 simulated minutes: move the clock on instead of waiting.
        if (open.some((row) => row.attempts > 0 && row.next_attempt_at) && Date.now() - lastAdvance > 1_000) {
          lastAdvance = Date.now();
          await admin('POST', '/admin/relogio/avancar', { minutos: 6 }).catch(() => undefined);
        }
        return rows.length === ids.length && open.length === 0;
      },
      (done) => done,
      { what: 'every notification to end', timeoutMs: 240_000, intervalMs: 250 },
    ).catch(() => undefined);

    const rows = await states();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const receipts = (await db.query<{ notification_id: string; n: number }>('SELECT notification_id, count(*)::int AS n FROM receipt WHERE notification_id = ANY($1::uuid[]) GROUP BY 1', [ids])).rows;
    const receiptCount = new Map(receipts.map((row) => [row.notification_id, row.n]));
    // A new attempt after the final one: past the receipted attempt, or past the third. (Two workers running
    // the same attempt around a crash is at-least-once, counted as a repeat, not as sent after final.)
    const sentAfterFinal = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM delivery_attempt a JOIN notification n ON n.id = a.notification_id
           LEFT JOIN receipt r ON r.notification_id = n.id LEFT JOIN delivery_attempt ra ON ra.id = r.attempt_id
          WHERE n.id = ANY($1::uuid[]) AND ((n.status = 'ENTREGUE' AND a.number > ra.number) OR (n.status = 'FALHA' AND a.number > 3))`,
        [ids],
      )
    ).rows[0].n;
    // Every accepted event has one notification per subscribed UF, and each ended as the portal ends them.
    const expectedPerEvent = ufs.length;
    let lost = accepted.reduce((sum, event) => sum + Math.max(0, expectedPerEvent - event.notifications.length), 0);
    let delivered = 0;
    let failed = 0;
    for (const id of ids) {
      const row = byId.get(id);
      const receiptsOf = receiptCount.get(id) ?? 0;
      if (row?.status === 'ENTREGUE' && receiptsOf >= 1) delivered += 1;
      else if (row?.status === 'FALHA' && row.attempts === 3 && receiptsOf === 0) failed += 1;
      else lost += 1;
    }
    const repeatsSeen = [...receivers.values()].reduce(
      (sum, receiver) => sum + ids.reduce((n, id) => n + Math.max(0, (receiver.seen.get(id) ?? 0) - 1), 0),
      0,
    );
    const duplicateReceipts = [...receiptCount.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    return { fault: '', accepted: accepted.length, delivered, failed, lost, duplicateReceipts, sentAfterFinal, repeatsSeen, states: new Map(rows.map((r) => [r.id, r.status])) };
  }

  async function run(fault: string, ufs: string[], strike: () => Promise<void>, recover: () => Promise<void> = async () => undefined) {
    const accepted = await streamWith(ufs, strike, recover);
    const report = { ...(await settle(accepted, ufs)), fault };
    reports.push({ fault, accepted: report.accepted, delivered: report.delivered, failed: report.failed, lost: report.lost, duplicateReceipts: report.duplicateReceipts, sentAfterFinal: report.sentAfterFinal, repeatsSeen: report.repeatsSeen });
    expect(report.accepted, `${fault}: events accepted`).toBeGreaterThan(0);
    expect({ lost: report.lost, duplicateReceipts: report.duplicateReceipts, sentAfterFinal: report.sentAfterFinal }, fault).toEqual({ lost: 0, duplicateReceipts: 0, sentAfterFinal: 0 });
    const chain = await admin('GET', '/admin/recibos/verificacao');
    expect(chain.body.valida, `${fault}: receipt chain`).toBe(true);
    return report;
  }

  const OK = ['SP', 'MG'];
  const TIMEOUT = 600_000;

  it('worker killed (SIGKILL)', { timeout: TIMEOUT }, async () => {
    await run('worker SIGKILL', OK, () => killWorker(workers[0]), async () => void (await startWorker()));
  });

  it('two workers, one killed', { timeout: TIMEOUT }, async () => {
    await startWorker();
    await run('two workers, one killed', OK, () => killWorker(workers[0]));
  });

  it('Redis killed and restarted empty', { timeout: TIMEOUT }, async () => {
    await run('Redis killed, restarted empty', OK, () => redis.kill(), () => redis.start());
  });

  it('Redis flushed', { timeout: TIMEOUT }, async () => {
    await run('Redis flushed', OK, async () => redis.flush());
  });

  it('PostgreSQL stopped and restarted', { timeout: TIMEOUT }, async () => {
    await run('PostgreSQL stopped and restarted', OK, async () => postgres.stop(), async () => {
      await postgres.start();
      await db.end().catch(() => undefined);
      db = new pg.Client({ connectionString: postgres.url });
      db.on('error', () => undefined);
      await db.connect();
    });
  });

  it('gateway SIGTERM', { timeout: TIMEOUT }, async () => {
    await run('gateway SIGTERM', OK, async () => {
      gateway.kill('SIGTERM');
      expect(await exited(gateway)).toBe(0);
    }, startGateway);
  });

  it('receivers that hang, reset and answer slowly', { timeout: TIMEOUT }, async () => {
    const report = await run('receivers hang / reset / slow', ['SP', 'RJ', 'BA', 'PR'], async () => undefined);
    // The hanging and resetting receivers' notifications end FALHA after 3 attempts; the slow one's are delivered.
    expect(report.failed).toBe(report.accepted * 2);
    expect(report.delivered).toBe(report.accepted * 2);
  });
});
