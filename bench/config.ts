export const PHASES = ['ceiling', 'fanout1', 'fanout27', 'latency', 'isolation'] as const;
export type PhaseName = (typeof PHASES)[number];

/** The Duimp number a phase's events carry (`payload.numero`): what the measurements tell the phases apart by. */
export function phaseNumber(phase: PhaseName): string {
  return `25BR${String(PHASES.indexOf(phase) + 1).padStart(11, '0')}`;
}

export const PHASE_LABELS: Record<PhaseName, string> = {
  ceiling: 'ceiling',
  fanout1: 'fan-out 1',
  fanout27: 'fan-out 27',
  latency: 'latency',
  isolation: 'isolation',
};

/** Every knob of `npm run bench`, from the environment (BENCH_*); the simulator's own settings pass through. */
export interface BenchConfig {
  warmupS: number;
  phaseS: number;
  /** Sefaz (one per UF) the fan-out 1, latency and isolation phases spread their events over. */
  endpoints: number;
  /** autocannon connections driving POST /admin/eventos. */
  connections: number;
  /** Requests in flight for the ceiling: the worker's DELIVERY_CONCURRENCY. */
  ceilingConcurrency: number;
  /** Client processes sharing the ceiling's requests in flight. */
  ceilingClients: number;
  /** Events/s offered in the latency phase; default half of what fan-out 1 sustained. */
  latencyRate?: number;
  /**
   * Events/s offered in the fan-out 27 phase; default 1.25 × fan-out 1's deliveries/s ÷ 27: enough to
   * saturate delivery, not so much that the backlog outlives the reconciler's lease.
   */
  fanOut27Rate?: number;
  phases: PhaseName[];
  logLevel: string;
  slowMs: number;
  drainTimeoutS: number;
  databaseUrl: string;
  redisUrl: string;
}

function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${raw}: a positive number is expected`);
  return value;
}

// The delivery engine's default concurrency (AppConfig.DELIVERY_CONCURRENCY).
const DEFAULT_DELIVERY_CONCURRENCY = 64;

export function loadBenchConfig(): BenchConfig {
  const phases = (process.env.BENCH_PHASES ?? PHASES.join(','))
    .split(',')
    .map((phase) => phase.trim())
    .filter(Boolean);
  const unknown = phases.filter((phase) => !PHASES.includes(phase as PhaseName));
  if (unknown.length > 0) throw new Error(`BENCH_PHASES: unknown phase(s) ${unknown.join(', ')}; known: ${PHASES.join(', ')}`);
  const endpoints = number('BENCH_ENDPOINTS', 20);
  if (endpoints > 27) throw new Error('BENCH_ENDPOINTS: at most 27 (one Sefaz per UF)');
  return {
    warmupS: number('BENCH_WARMUP_S', 5),
    phaseS: number('BENCH_PHASE_S', 20),
    endpoints,
    // CI pipelines emit from many clients at once; with few (16), throughput is bound by the group commit's
    // round trip. Past about 100 it grows little while the gateway's requests in flight push its RSS up.
    connections: number('BENCH_CONNECTIONS', 96),
    ceilingConcurrency: number('BENCH_CEILING_CONCURRENCY', number('DELIVERY_CONCURRENCY', DEFAULT_DELIVERY_CONCURRENCY)),
    ceilingClients: number('BENCH_CEILING_CLIENTS', 2),
    latencyRate: process.env.BENCH_LATENCY_RATE ? number('BENCH_LATENCY_RATE', 500) : undefined,
    fanOut27Rate: process.env.BENCH_FANOUT27_RATE ? number('BENCH_FANOUT27_RATE', 40) : undefined,
    phases: PHASES.filter((phase) => phases.includes(phase)),
    logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
    slowMs: number('BENCH_SLOW_MS', 5_000),
    drainTimeoutS: number('BENCH_DRAIN_TIMEOUT_S', 120),
    databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pucomex_bench',
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/12',
  };
}
