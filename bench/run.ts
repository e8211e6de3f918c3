/**
 * `npm run bench`: how fast the simulator delivers, against the HTTP ceiling measured in the same run.
 * Starts the gateway and the worker from dist/ as child processes, a receiver and an HTTP ceiling client
 * of its own, drives POST /admin/eventos with autocannon, then prints a table and writes
 * bench/results/latest.json. Everything it starts it stops, by pid. Settings: bench/config.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { CeilingResult, CeilingRun } from './ceiling.js';
import { type BenchConfig, loadBenchConfig, PHASE_LABELS, type PhaseName, phaseNumber } from './config.js';
import { drive } from './load.js';
import { type DatabaseAudit, type DatabaseCounters, Measurements, type Percentiles, recreateDatabase, subtractCounters } from './measure.js';
import { CpuMeter, forkNode, freePort, memoryMb, request, RssSampler, round, spawnNode, stop, waitHealthy } from './processes.js';
import type { EndpointMode, ReceiverStart, ReceiverStats } from './receiver.js';
import { printReport, targetChecks } from './report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = `${ROOT}bench/results/`;
const HERE = fileURLToPath(new URL('.', import.meta.url));
const ADMIN_TOKEN = 'pucomex-bench-admin-token';
const UFS = ['AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA', 'PB', 'PE', 'PI', 'PR', 'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO'];
const FAN_OUT_EVENTO = 'dimp-registro';
// The isolation phase has subscriptions of its own (another event), some pointing at faulty endpoints.
const ISOLATION_EVENTO = 'dimp-retificacao';

export interface PhaseResult {
  phase: PhaseName;
  label: string;
  measuredS: number;
  eventsPerS: number | null;
  deliveriesPerS: number;
  fractionOfCeiling: number | null;
  latencyMs: Percentiles | null;
  backlog: { atStart: number; atEnd: number; growthPerS: number } | null;
  emittingCall: { requests: number; non2xx: number; errors: number; p50Ms: number; p99Ms: number } | null;
  offeredRate: number | null;
  rssMb: Record<string, number>;
  /** CPU over the measured window: % of one core, and ms per delivery, by process. */
  cpu: { percent: Record<string, number>; msPerDelivery: Record<string, number> } | null;
  /** The simulator's database work over the window, per delivery and per accepted event. */
  database: DatabaseFigures;
  drainS: number | null;
  isolation?: IsolationFigures;
}

export interface IsolationFigures {
  healthyEndpoints: number;
  slowEndpoints: number;
  failingEndpoints: number;
  healthyDeliveriesPerS: number;
  perHealthyEndpointPerS: number;
  fanOut1PerEndpointPerS: number | null;
  /** Per healthy endpoint, against the same endpoint's share of fan-out 1. */
  fractionOfFanOut1: number | null;
  attemptsByCause: Record<string, number>;
}

export interface Audit extends DatabaseAudit {
  eventsAcceptedByApi: number;
  eventsLost: number;
  receiver: ReceiverStats;
  answered200WithoutReceipt: number;
  chain: { valida: boolean; recibos: number };
  ok: boolean;
}

interface Setup {
  adminUrl: string;
  caPem: string;
  okUrls: string[];
  isolation: { healthy: number; slow: number; failing: number };
}

async function admin<T = any>(adminUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${adminUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
}

// The catalogue refuses fields a Duimp event does not carry: each phase's events carry a Duimp number of their
// own, which the measurements select them by.
function eventBody(evento: string, ufs: string[], phase: PhaseName): string {
  return JSON.stringify({
    evento,
    destinatarios: ufs.map((uf) => ({ tipo: 'UF', id: uf })),
    payload: {
      numero: phaseNumber(phase),
      versao: 1,
      ...(evento === ISOLATION_EVENTO ? { evento: 'RETIFICACAO' } : {}),
      ufs: ufs.map((uf) => ({ uf, tipoInteresse: 'IMPORTADOR' })),
    },
  });
}

/** CPU seconds per process over a window, as % of one core and ms per delivery. */
function cpuFigures(used: Record<string, number>, windowS: number, delivered: number): NonNullable<PhaseResult['cpu']> {
  const each = (value: (seconds: number) => number) => Object.fromEntries(Object.entries(used).map(([name, seconds]) => [name, value(seconds)]));
  return {
    percent: each((seconds) => round((100 * seconds) / windowS, 0)),
    msPerDelivery: each((seconds) => round((1000 * seconds) / Math.max(1, delivered), 2)),
  };
}

export interface DatabaseFigures {
  /** Where the figures come from: `pg_stat_statements`, or the transaction and row counters as a proxy. */
  source: string;
  perDelivery: Record<string, number>;
  perEvent: Record<string, number> | null;
}

function databaseFigures(counters: DatabaseCounters, delivered: number, events: number | null): DatabaseFigures {
  const per = (count: number) => Object.fromEntries(Object.entries(counters.counts).map(([name, value]) => [name, round(value / Math.max(1, count), 2)]));
  return { source: counters.source, perDelivery: per(delivered), perEvent: events === null ? null : per(events) };
}

class Bench {
  private readonly children: ChildProcess[] = [];
  private gateway?: ChildProcess;
  private worker?: ChildProcess;
  private receiver?: ChildProcess;
  private ceilingClients: ChildProcess[] = [];
  private rss?: RssSampler;
  private cpu?: CpuMeter;
  private db: Measurements;
  private setup?: Setup;
  private eventsAcceptedByApi = 0;
  readonly results: PhaseResult[] = [];

  constructor(private readonly config: BenchConfig) {
    this.db = new Measurements(config.databaseUrl);
  }

  async start(): Promise<void> {
    const { config } = this;
    await recreateDatabase(config.databaseUrl);
    const redis = new Redis(config.redisUrl, { lazyConnect: true });
    await redis.connect();
    await redis.flushdb();
    await redis.quit();

    const [adminPort, portalPort, workerPort] = [await freePort(), await freePort(), await freePort()];
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: config.logLevel,
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: 'pucomex-bench',
      ADMIN_TOKEN,
      HOST: '127.0.0.1',
      ADMIN_PORT: String(adminPort),
      PORTAL_PORT: String(portalPort),
      WORKER_PORT: String(workerPort),
    };
    const adminUrl = `http://127.0.0.1:${adminPort}`;
    // The gateway migrates the fresh database; the worker boots after it.
    // BENCH_GATEWAY_NODE_ARGS / BENCH_WORKER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=bench/results`, reach only that process.
    const nodeArgs = (name: string) => (process.env[name] ?? '').split(' ').filter(Boolean);
    this.gateway = this.track(spawnNode(`${ROOT}dist/apps/gateway/src/main.js`, env, `${RESULTS}gateway.log`, nodeArgs('BENCH_GATEWAY_NODE_ARGS')));
    await waitHealthy(`${adminUrl}/health`, this.gateway, 'gateway');
    this.worker = this.track(spawnNode(`${ROOT}dist/apps/worker/src/main.js`, env, `${RESULTS}worker.log`, nodeArgs('BENCH_WORKER_NODE_ARGS')));
    await waitHealthy(`http://127.0.0.1:${workerPort}/health`, this.worker, 'worker');
    this.rss = new RssSampler({ gateway: this.gateway.pid!, worker: this.worker.pid! });
    const redisPids = execFileSync('pgrep', ['-x', 'redis-server'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    this.cpu = new CpuMeter(async () => ({
      gateway: [this.gateway!.pid!],
      worker: [this.worker!.pid!],
      postgres: await this.db.backendPids(),
      'redis (shared)': redisPids,
      receiver: this.receiver?.pid ? [this.receiver.pid] : [],
      'load generator': [process.pid, ...this.ceilingClients.map((client) => client.pid!)],
    }));

    const certificate = await admin<{ certPem: string; keyPem: string; chainPem: string }>(adminUrl, 'POST', '/admin/pki/certificados-servidor', {
      ipAddresses: ['127.0.0.1'],
    });
    const caPem = await admin<string>(adminUrl, 'GET', '/admin/pki/ca.pem');

    const slow = Math.max(1, Math.round(config.endpoints * 0.1));
    const failing = Math.max(1, Math.round(config.endpoints * 0.1));
    const modes: EndpointMode[] = [...UFS.map((): EndpointMode => 'ok'), ...Array<EndpointMode>(slow).fill('slow'), ...Array<EndpointMode>(failing).fill('error')];
    this.receiver = this.track(forkNode(`${HERE}receiver.js`));
    const { ports } = await request<{ ports: number[] }>(
      this.receiver,
      { type: 'start', certPem: certificate.certPem + certificate.chainPem, keyPem: certificate.keyPem, endpoints: modes, slowMs: config.slowMs } as ReceiverStart,
      'ready',
    );
    const url = (index: number) => `https://127.0.0.1:${ports[index]}/hook`;
    const okUrls = UFS.map((_, index) => url(index));

    // One Sefaz per UF, subscribed to the fan-out event at its own endpoint; the first N also to the isolation
    // event, where 10% of them answer after the budget and 10% answer 500.
    for (const [index, uf] of UFS.entries()) {
      const sefaz = await admin<{ id: string }>(adminUrl, 'POST', '/admin/intervenientes', {
        ni: `990000000${String(index).padStart(5, '0')}`,
        nome: `Secretaria da Fazenda ${uf} (bench)`,
        tipo: 'SEFAZ',
        uf,
      });
      await admin(adminUrl, 'POST', '/admin/assinaturas', { intervenienteId: sefaz.id, evento: FAN_OUT_EVENTO, endpoint: okUrls[index], chaveSecreta: 'bench' });
      if (index < config.endpoints) {
        // The receiver's slow endpoints follow the 27 ok ones, then its failing ones.
        const endpoint = index < slow + failing ? url(UFS.length + index) : okUrls[index];
        await admin(adminUrl, 'POST', '/admin/assinaturas', { intervenienteId: sefaz.id, evento: ISOLATION_EVENTO, endpoint, chaveSecreta: 'bench' });
      }
    }
    this.setup = { adminUrl, caPem, okUrls, isolation: { healthy: config.endpoints - slow - failing, slow, failing } };
  }

  private track(child: ChildProcess): ChildProcess {
    this.children.push(child);
    return child;
  }

  async ceiling(): Promise<PhaseResult> {
    const { config, setup } = this;
    // One client process takes more than a core by itself: several share the in-flight requests, so the
    // ceiling is the machine's HTTPS limit and not one Node process's.
    const clients = Array.from({ length: config.ceilingClients }, () => this.track(forkNode(`${HERE}ceiling.js`)));
    this.ceilingClients = clients;
    this.rss!.take();
    const measuring = delay(config.warmupS * 1000).then(() => this.measureStart());
    const results = await Promise.all(
      clients.map(async (client, index) => {
        const share = Math.floor(config.ceilingConcurrency / clients.length) + (index < config.ceilingConcurrency % clients.length ? 1 : 0);
        const { result } = await request<{ result: CeilingResult }>(
          client,
          {
            type: 'run',
            urls: setup!.okUrls.slice(0, config.endpoints),
            caPem: setup!.caPem,
            concurrency: share,
            warmupMs: config.warmupS * 1000,
            durationMs: config.phaseS * 1000,
            // What a delivery carries: the event's payload, with the time field the gateway stamps.
            body: JSON.stringify({ ...JSON.parse(eventBody(FAN_OUT_EVENTO, ['SP'], 'ceiling')).payload, dataEvento: '2025-01-02T10:00:00-0300' }),
          } as CeilingRun,
          'result',
        );
        return result;
      }),
    );
    await measuring;
    const { cpuUsed, counters } = await this.measureStop();
    await Promise.all(clients.map((client) => stop(client)));
    this.ceilingClients = [];
    const result = { perSecond: results.reduce((sum, one) => sum + one.perSecond, 0) };
    return {
      phase: 'ceiling',
      label: PHASE_LABELS.ceiling,
      measuredS: config.phaseS,
      eventsPerS: null,
      deliveriesPerS: round(result.perSecond, 0),
      fractionOfCeiling: 1,
      latencyMs: null,
      backlog: null,
      emittingCall: null,
      offeredRate: null,
      rssMb: this.rss!.take(),
      cpu: cpuFigures(cpuUsed, config.phaseS, result.perSecond * config.phaseS),
      database: databaseFigures(counters, result.perSecond * config.phaseS, null),
      drainS: null,
    };
  }

  /** Emits events through the admin API for warm-up + phase, then waits for the backlog to drain. */
  async eventPhase(phase: Exclude<PhaseName, 'ceiling'>, ceilingPerS: number | null): Promise<PhaseResult> {
    const { config, setup } = this;
    const n = config.endpoints;
    const bodies =
      phase === 'fanout27'
        ? [eventBody(FAN_OUT_EVENTO, UFS, phase)]
        : UFS.slice(0, n).map((uf) => eventBody(phase === 'isolation' ? ISOLATION_EVENTO : FAN_OUT_EVENTO, [uf], phase));
    const offeredRate = phase === 'latency' ? this.latencyRate() : phase === 'fanout27' ? this.fanOut27Rate() : null;
    let next = 0;

    this.rss!.take();
    const backlogAtStart = delay(config.warmupS * 1000).then(async () => {
      await this.measureStart();
      return this.db.backlog();
    });
    const from = new Date(Date.now() + config.warmupS * 1000);
    const result = await drive({
      url: `${setup!.adminUrl}/admin/eventos`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: () => bodies[next++ % bodies.length],
      durationS: config.warmupS + config.phaseS,
      connections: config.connections,
      rate: offeredRate ?? undefined,
    });
    const to = new Date();
    const { cpuUsed, counters } = await this.measureStop();
    const atEnd = await this.db.backlog();
    const atStart = await backlogAtStart;
    const rssMb = this.rss!.take();
    this.eventsAcceptedByApi += result.ok;

    const drainStarted = Date.now();
    const drained = await this.drain();
    const drainS = drained ? round((Date.now() - drainStarted) / 1000) : null;
    // Autovacuum is off on the project's machines: without it every phase would run on the previous
    // phases' dead rows and stale statistics, which no production server does. Done outside the window.
    if (!(await this.db.autovacuum())) await this.db.vacuumAnalyze();

    const measuredS = (to.getTime() - from.getTime()) / 1000;
    const accepted = await this.db.eventsAccepted(phaseNumber(phase), from, to);
    const receipts = await this.db.receiptsCommitted(phaseNumber(phase), from, to);
    const delivered = [...receipts.values()].reduce((sum, count) => sum + count, 0);
    const deliveriesPerS = delivered / measuredS;
    const figures: PhaseResult = {
      phase,
      label: PHASE_LABELS[phase],
      measuredS: round(measuredS),
      eventsPerS: round(accepted / measuredS, 0),
      deliveriesPerS: round(deliveriesPerS, 0),
      fractionOfCeiling: ceilingPerS ? round(deliveriesPerS / ceilingPerS, 3) : null,
      latencyMs: await this.db.receiptLatency(phaseNumber(phase), from, to),
      backlog: { atStart, atEnd, growthPerS: round((atEnd - atStart) / measuredS, 0) },
      emittingCall: { requests: result.requests, non2xx: result.non2xx, errors: result.errors, p50Ms: round(result.p50Ms), p99Ms: result.p99Ms },
      offeredRate,
      rssMb,
      cpu: cpuFigures(cpuUsed, measuredS, delivered),
      database: databaseFigures(counters, delivered, accepted),
      drainS,
    };
    if (phase === 'isolation') figures.isolation = await this.isolationFigures(receipts, measuredS);
    return figures;
  }

  private counterStart?: DatabaseCounters;

  /** Opens a measured window: CPU by process and the database's work counters. */
  private async measureStart(): Promise<void> {
    await this.cpu!.start();
    this.counterStart = await this.db.counters();
  }

  private async measureStop(): Promise<{ cpuUsed: Record<string, number>; counters: DatabaseCounters }> {
    const cpuUsed = await this.cpu!.stop();
    return { cpuUsed, counters: subtractCounters(await this.db.counters(), this.counterStart!) };
  }

  private fanOut27Rate(): number {
    if (this.config.fanOut27Rate) return this.config.fanOut27Rate;
    const fanOut1 = this.results.find((result) => result.phase === 'fanout1');
    return Math.max(2, Math.round(((fanOut1?.deliveriesPerS ?? 1_000) * 1.25) / UFS.length));
  }

  private latencyRate(): number {
    if (this.config.latencyRate) return this.config.latencyRate;
    const fanOut1 = this.results.find((result) => result.phase === 'fanout1');
    return Math.max(50, Math.round((fanOut1?.deliveriesPerS ?? 1_000) / 2));
  }

  private async isolationFigures(receipts: Map<string, number>, measuredS: number): Promise<IsolationFigures> {
    const { healthy, slow, failing } = this.setup!.isolation;
    const healthyUrls = new Set(this.setup!.okUrls);
    const healthyDelivered = [...receipts.entries()].filter(([endpoint]) => healthyUrls.has(endpoint)).reduce((sum, [, count]) => sum + count, 0);
    const healthyPerS = healthyDelivered / measuredS;
    const fanOut1 = this.results.find((result) => result.phase === 'fanout1');
    const fanOut1PerEndpoint = fanOut1 ? fanOut1.deliveriesPerS / this.config.endpoints : null;
    return {
      healthyEndpoints: healthy,
      slowEndpoints: slow,
      failingEndpoints: failing,
      healthyDeliveriesPerS: round(healthyPerS, 0),
      perHealthyEndpointPerS: round(healthyPerS / healthy, 1),
      fanOut1PerEndpointPerS: fanOut1PerEndpoint === null ? null : round(fanOut1PerEndpoint, 1),
      fractionOfFanOut1: fanOut1PerEndpoint ? round(healthyPerS / healthy / fanOut1PerEndpoint, 3) : null,
      attemptsByCause: await this.db.attemptCauses(phaseNumber('isolation')),
    };
  }

  /** Until every notification has had its first attempt recorded. */
  private async drain(): Promise<boolean> {
    const deadline = Date.now() + this.config.drainTimeoutS * 1000;
    while (Date.now() < deadline) {
      if ((await this.db.backlog()) === 0) return true;
      await delay(250);
    }
    return false;
  }

  async audit(): Promise<Audit> {
    // Counted once the engine is idle, so receiver, receipts and chain describe the same moment.
    if (!(await this.drain())) console.warn('bench: the backlog did not drain; the audit counts it as undelivered');
    const database = await this.db.audit(phaseNumber('isolation'));
    const { stats } = await request<{ stats: ReceiverStats }>(this.receiver!, { type: 'stats' }, 'stats');
    const chain = await admin<{ valida: boolean; recibos: number }>(this.setup!.adminUrl, 'GET', '/admin/recibos/verificacao');
    const eventsLost = Math.max(0, this.eventsAcceptedByApi - database.counts.events);
    // Every distinct notification an `ok` endpoint answered 200 must have its receipt.
    const answered200WithoutReceipt = Math.max(0, stats.distinctAnswered200 - database.counts.receipts);
    const c = database.counts;
    const ok =
      eventsLost === 0 &&
      c.eventsWithWrongFanOut === 0 &&
      database.unexpectedPending === 0 &&
      c.receipts === c.receiptedNotifications &&
      c.deliveredWithoutReceipt === 0 &&
      c.receiptsOfUndelivered === 0 &&
      answered200WithoutReceipt === 0 &&
      chain.valida &&
      chain.recibos === c.receipts;
    return { ...database, eventsAcceptedByApi: this.eventsAcceptedByApi, eventsLost, receiver: stats, answered200WithoutReceipt, chain, ok };
  }

  peakRssMb(): Record<string, number> {
    const peak = (child?: ChildProcess) => (child?.pid ? round(memoryMb(child.pid).peak) : 0);
    return { gateway: peak(this.gateway), worker: peak(this.worker) };
  }

  async stopAll(): Promise<void> {
    this.rss?.close();
    // The worker first: its in-flight deliveries are finished and recorded before the gateway leaves.
    for (const child of [this.worker, this.gateway, ...this.children.filter((c) => c !== this.worker && c !== this.gateway)]) {
      await stop(child).catch(() => undefined);
    }
    await this.db.close().catch(() => undefined);
  }
}

function gitRevision(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim().length > 0;
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: true };
  }
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  mkdirSync(RESULTS, { recursive: true });
  const loadBefore = loadavg().map((value) => round(value, 2));
  const startedAt = new Date();
  const bench = new Bench(config);
  const interrupted = () => void bench.stopAll().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    console.log(`bench: ${config.phases.join(', ')}; ${config.warmupS} s warm-up + ${config.phaseS} s per phase; load ${loadBefore.join(' ')}`);
    await bench.start();
    let ceilingPerS: number | null = null;
    for (const phase of config.phases) {
      console.log(`bench: ${PHASE_LABELS[phase]}...`);
      const result: PhaseResult = phase === 'ceiling' ? await bench.ceiling() : await bench.eventPhase(phase, ceilingPerS);
      if (phase === 'ceiling') ceilingPerS = result.deliveriesPerS;
      bench.results.push(result);
    }
    const audit = await bench.audit();
    const peakRssMb = bench.peakRssMb();
    const loadAfter = loadavg().map((value) => round(value, 2));
    const report = {
      startedAt: startedAt.toISOString(),
      revision: gitRevision(),
      machine: { cores: cpus().length, loadBefore, loadAfter },
      config,
      phases: bench.results,
      peakRssMb,
      audit,
      targets: targetChecks(bench.results, peakRssMb, audit),
    };
    writeFileSync(`${RESULTS}latest.json`, `${JSON.stringify(report, null, 2)}\n`);
    printReport(report);
    console.log(`\nbench: wrote bench/results/latest.json (logs: bench/results/gateway.log, worker.log)`);
    if (!audit.ok) process.exitCode = 1;
  } finally {
    await bench.stopAll();
  }
}

await main();
