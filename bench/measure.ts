import pg from 'pg';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
}

/** What the benchmark reads from the simulator's database: the truth about what was accepted and receipted. */
export class Measurements {
  private readonly pool: pg.Pool;
  private statementsView?: boolean;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async one<T>(sql: string, params: unknown[] = []): Promise<T> {
    const { rows } = await this.pool.query(sql, params);
    return rows[0] as T;
  }

  /** The server processes behind this database's connections (the gateway's and the worker's pools). */
  async backendPids(): Promise<number[]> {
    const { rows } = await this.pool.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    return rows.map((row: { pid: number }) => row.pid);
  }

  /**
   * What the server did for this database so far: statements from `pg_stat_statements` when the server
   * loads it, else transactions and rows written from `pg_stat_database` (each autocommit statement is a
   * transaction of its own, so transactions are a floor for statements). Backends publish their counters
   * at most once a second: a 20 s window is off by a few percent at worst.
   */
  async counters(): Promise<DatabaseCounters> {
    if (this.statementsView === undefined) {
      const row = await this.one<{ loaded: boolean }>(
        `SELECT current_setting('shared_preload_libraries') ~ 'pg_stat_statements'
                AND EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS loaded`,
      );
      this.statementsView = row.loaded;
    }
    if (this.statementsView) {
      const row = await this.one<{ calls: string }>(
        `SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return { source: 'pg_stat_statements', counts: { statements: Number(row.calls) } };
    }
    const row = await this.one<Record<string, string>>(
      `SELECT xact_commit + xact_rollback AS transactions, tup_inserted AS inserted, tup_updated AS updated, tup_deleted AS deleted
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    return {
      source: 'pg_stat_database (transactions, rows written): pg_stat_statements is not loaded',
      counts: Object.fromEntries(Object.entries(row).map(([name, value]) => [name, Number(value)])),
    };
  }

  /** Whether autovacuum runs on this server (it is off on the project's machines). */
  async autovacuum(): Promise<boolean> {
    const row = await this.one<{ autovacuum: string }>('SHOW autovacuum');
    return row.autovacuum === 'on';
  }

  /** What autovacuum would have done: dead rows reclaimed, planner statistics current. */
  async vacuumAnalyze(): Promise<void> {
    await this.pool.query('VACUUM (ANALYZE)');
  }

  /** Notifications not attempted yet: the delivery backlog. */
  async backlog(): Promise<number> {
    const row = await this.one<{ count: number }>(`SELECT count(*)::int AS count FROM notification WHERE status = 'PENDENTE' AND attempts = 0`);
    return row.count;
  }

  async eventsAccepted(numero: string, from: Date, to: Date): Promise<number> {
    const row = await this.one<{ count: number }>(
      `SELECT count(*)::int AS count FROM event WHERE payload->>'numero' = $1 AND created_at >= $2 AND created_at < $3`,
      [numero, from, to],
    );
    return row.count;
  }

  /** Receipts committed in the window, by endpoint. */
  async receiptsCommitted(numero: string, from: Date, to: Date): Promise<Map<string, number>> {
    const { rows } = await this.pool.query(
      `SELECT r.endpoint, count(*)::int AS count
         FROM receipt r JOIN notification n ON n.id = r.notification_id JOIN event e ON e.id = n.event_id
        WHERE e.payload->>'numero' = $1 AND r.committed_at >= $2 AND r.committed_at < $3
        GROUP BY r.endpoint`,
      [numero, from, to],
    );
    return new Map(rows.map((row: { endpoint: string; count: number }) => [row.endpoint, row.count]));
  }

  /**
   * From the event's acceptance to the commit of its receipt, for events accepted in the window. The
   * event's own time is whole seconds of the simulated clock, so acceptance is read from its notification:
   * `enqueued_at` is `now()` of the accepting transaction (a re-enqueue moves it; the bench has none but
   * the isolation phase's retries).
   */
  async receiptLatency(numero: string, from: Date, to: Date): Promise<Percentiles> {
    const row = await this.one<{ p: number[] | null; max: number | null; samples: number }>(
      `SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY ms) AS p, max(ms) AS max, count(*)::int AS samples
         FROM (SELECT extract(epoch FROM r.committed_at - n.enqueued_at) * 1000 AS ms
                 FROM receipt r JOIN notification n ON n.id = r.notification_id JOIN event e ON e.id = n.event_id
                WHERE e.payload->>'numero' = $1 AND e.created_at >= $2 AND e.created_at < $3) latency`,
      [numero, from, to],
    );
    const [p50, p95, p99] = row.p ?? [NaN, NaN, NaN];
    return { p50, p95, p99, max: Number(row.max ?? NaN), samples: row.samples };
  }

  async attemptCauses(numero: string): Promise<Record<string, number>> {
    const { rows } = await this.pool.query(
      `SELECT a.cause, count(*)::int AS count
         FROM delivery_attempt a JOIN notification n ON n.id = a.notification_id JOIN event e ON e.id = n.event_id
        WHERE e.payload->>'numero' = $1 GROUP BY a.cause ORDER BY a.cause`,
      [numero],
    );
    return Object.fromEntries(rows.map((row: { cause: string; count: number }) => [row.cause, row.count]));
  }

  async audit(retryPhase: string): Promise<DatabaseAudit> {
    const { rows: statuses } = await this.pool.query(`SELECT status, count(*)::int AS count FROM notification GROUP BY status`);
    const counts = await this.one<DatabaseAudit['counts']>(
      `SELECT (SELECT count(*)::int FROM event) AS events,
              (SELECT count(*)::int FROM notification) AS notifications,
              (SELECT count(*)::int FROM receipt) AS receipts,
              (SELECT count(DISTINCT notification_id)::int FROM receipt) AS "receiptedNotifications",
              (SELECT count(*)::int FROM event e
                WHERE (SELECT count(*) FROM notification n WHERE n.event_id = e.id) <> jsonb_array_length(e.recipients))
                AS "eventsWithWrongFanOut",
              (SELECT count(*)::int FROM notification n
                WHERE n.status = 'ENTREGUE' AND NOT EXISTS (SELECT 1 FROM receipt r WHERE r.notification_id = n.id))
                AS "deliveredWithoutReceipt",
              (SELECT count(*)::int FROM receipt r JOIN notification n ON n.id = r.notification_id WHERE n.status <> 'ENTREGUE')
                AS "receiptsOfUndelivered",
              (SELECT count(*)::int FROM notification n JOIN event e ON e.id = n.event_id
                WHERE n.status = 'PENDENTE' AND e.payload->>'numero' = $1 AND n.attempts > 0
                  AND n.next_attempt_at > clock_timestamp() + (SELECT offset_ms FROM sim_clock WHERE id = 1) * interval '1 millisecond')
                AS "scheduledRetries"`,
      [retryPhase],
    );
    const byStatus = Object.fromEntries(statuses.map((row: { status: string; count: number }) => [row.status, row.count]));
    return { byStatus, counts, unexpectedPending: (byStatus.PENDENTE ?? 0) - counts.scheduledRetries };
  }
}

export interface DatabaseCounters {
  source: string;
  counts: Record<string, number>;
}

export function subtractCounters(after: DatabaseCounters, before: DatabaseCounters): DatabaseCounters {
  return { source: after.source, counts: Object.fromEntries(Object.entries(after.counts).map(([name, value]) => [name, value - (before.counts[name] ?? 0)])) };
}

export interface DatabaseAudit {
  byStatus: Record<string, number>;
  counts: {
    events: number;
    notifications: number;
    receipts: number;
    receiptedNotifications: number;
    eventsWithWrongFanOut: number;
    deliveredWithoutReceipt: number;
    receiptsOfUndelivered: number;
    /** The isolation phase's failed first attempts, due again 5 simulated minutes later. */
    scheduledRetries: number;
  };
  /** PENDENTE notifications that are not a scheduled retry: work the engine left undone. */
  unexpectedPending: number;
}

/** Drops and recreates the benchmark's own database. */
export async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
