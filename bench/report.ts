import type { Audit, PhaseResult } from './run.js';

export interface TargetCheck {
  target: string;
  value: string;
  holds: boolean;
}

const fmt = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${fmt(value * 100)}%`);

// The simulator's own cost of a delivery: its processes and the servers it uses.
const PIPELINE = ['gateway', 'worker', 'postgres', 'redis (shared)'];
// One bare HTTPS exchange: the ceiling's client processes (with the idle bench) and the receiver.
const BARE_EXCHANGE = ['load generator', 'receiver'];

const sumMs = (phase: PhaseResult | undefined, names: string[]) =>
  phase?.cpu ? names.reduce((sum, name) => sum + (phase.cpu!.msPerDelivery[name] ?? 0), 0) : null;

/** CPU per delivery (ms) at fan-out 1 and of one bare exchange in the ceiling phase, from the same run. */
export function cpuCosts(phases: PhaseResult[]): { pipelineMs: number | null; bareExchangeMs: number | null; ratio: number | null } {
  const pipelineMs = sumMs(phases.find((phase) => phase.phase === 'fanout1'), PIPELINE);
  const bareExchangeMs = sumMs(phases.find((phase) => phase.phase === 'ceiling'), BARE_EXCHANGE);
  return { pipelineMs, bareExchangeMs, ratio: pipelineMs !== null && bareExchangeMs ? pipelineMs / bareExchangeMs : null };
}

/** The issue's targets (ratios and costs of this one run, which the host's speed does not decide). */
export function targetChecks(phases: PhaseResult[], peakRssMb: Record<string, number>, audit: Audit): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const fanOut1 = phases.find((phase) => phase.phase === 'fanout1');
  if (fanOut1) {
    checks.push({ target: 'fan-out 1 deliveries/s ÷ same-run ceiling ≥ 55%', value: pct(fanOut1.fractionOfCeiling), holds: (fanOut1.fractionOfCeiling ?? 0) >= 0.55 });
    // "Without a growing backlog": what was not yet attempted grows by less than 2% of the accepted rate.
    const growth = fanOut1.backlog?.growthPerS ?? Infinity;
    checks.push({
      target: 'fan-out 1: backlog not growing',
      value: `${fmt(fanOut1.eventsPerS)} events/s, backlog ${growth >= 0 ? '+' : ''}${fmt(growth)}/s`,
      holds: (fanOut1.eventsPerS ?? 0) > 0 && growth <= 0.02 * (fanOut1.eventsPerS ?? 0),
    });
    const { pipelineMs, bareExchangeMs, ratio } = cpuCosts(phases);
    checks.push({ target: 'CPU per delivery at fan-out 1 (simulator + PostgreSQL + Redis) ≤ 0.70 ms', value: `${fmt(pipelineMs, 2)} ms`, holds: pipelineMs !== null && pipelineMs <= 0.7 });
    if (bareExchangeMs !== null) {
      checks.push({
        target: '… ÷ one bare exchange (ceiling client + receiver) ≤ 2×',
        value: `${fmt(ratio, 1)}× (${fmt(bareExchangeMs, 2)} ms)`,
        holds: ratio !== null && ratio <= 2,
      });
    }
  }
  const latency = phases.find((phase) => phase.phase === 'latency');
  if (latency?.latencyMs) {
    checks.push({ target: 'latency: p99 acceptance → committed receipt at half load ≤ 50 ms', value: `${fmt(latency.latencyMs.p99)} ms`, holds: latency.latencyMs.p99 <= 50 });
  }
  const isolation = phases.find((phase) => phase.phase === 'isolation')?.isolation;
  if (isolation) {
    checks.push({
      target: 'isolation: healthy endpoints keep ≥ 90% of their fan-out 1 rate',
      value: pct(isolation.fractionOfFanOut1),
      holds: (isolation.fractionOfFanOut1 ?? 0) >= 0.9,
    });
  }
  for (const [name, mb] of Object.entries(peakRssMb)) checks.push({ target: `${name} peak RSS, whole run ≤ 250 MB`, value: `${fmt(mb)} MB`, holds: mb <= 250 });
  checks.push({
    target: 'audit: 0 lost, 0 duplicated receipts, chain verifies',
    value: `${audit.eventsLost + audit.answered200WithoutReceipt + audit.unexpectedPending} lost, ${audit.counts.receipts - audit.counts.receiptedNotifications} duplicated, chain ${audit.chain.valida ? 'valid' : 'BROKEN'}`,
    holds: audit.ok,
  });
  return checks;
}

interface Report {
  startedAt: string;
  revision: { commit: string; dirty: boolean };
  machine: { cores: number; loadBefore: number[]; loadAfter: number[] };
  phases: PhaseResult[];
  peakRssMb: Record<string, number>;
  audit: Audit;
  targets: TargetCheck[];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A Markdown table, ready to paste into the README. */
export function printReport(report: Report): void {
  const { machine, revision } = report;
  console.log(
    `\n${report.startedAt} · ${revision.commit}${revision.dirty ? '+dirty' : ''} · ${machine.cores} cores · load before ${machine.loadBefore.join(' ')}, after ${machine.loadAfter.join(' ')}\n`,
  );
  const rows = report.phases.map((phase) => [
    phase.label + (phase.offeredRate ? ` (${fmt(phase.offeredRate)}/s offered)` : ''),
    fmt(phase.eventsPerS),
    fmt(phase.deliveriesPerS),
    pct(phase.fractionOfCeiling),
    fmt(phase.latencyMs?.p50),
    fmt(phase.latencyMs?.p95),
    fmt(phase.latencyMs?.p99),
    phase.backlog ? `${phase.backlog.growthPerS > 0 ? '+' : ''}${fmt(phase.backlog.growthPerS)}` : '—',
    fmt(phase.rssMb.gateway),
    fmt(phase.rssMb.worker),
    phase.phase === 'ceiling' ? '—' : phase.drainS === null ? 'timed out' : fmt(phase.drainS, 1),
  ]);
  console.log(
    table(
      ['phase', 'events/s', 'deliveries/s', '% ceiling', 'p50 ms', 'p95 ms', 'p99 ms', 'backlog Δ/s', 'gateway MB', 'worker MB', 'drain s'],
      rows,
    ),
  );
  console.log('\nCPU over the measured window, % of one core (ms per delivery):');
  for (const phase of report.phases.filter((p) => p.cpu)) {
    console.log(
      `  ${phase.label}: ${Object.entries(phase.cpu!.percent)
        .map(([name, percent]) => `${name} ${percent}% (${fmt(phase.cpu!.msPerDelivery[name], 2)})`)
        .join(', ')}`,
    );
  }
  const costs = cpuCosts(report.phases);
  if (costs.pipelineMs !== null) {
    console.log(
      `  per delivery at fan-out 1: ${PIPELINE.join(' + ')} = ${fmt(costs.pipelineMs, 2)} ms` +
        (costs.bareExchangeMs === null ? '' : `; one bare exchange in the ceiling (${BARE_EXCHANGE.join(' + ')}) ${fmt(costs.bareExchangeMs, 2)} ms → ${fmt(costs.ratio, 1)}×`),
    );
  }
  const measured = report.phases.filter((phase) => phase.phase !== 'ceiling');
  if (measured.length > 0) {
    console.log(`\nPostgreSQL work, from ${measured[0].database.source}:`);
    for (const phase of measured) {
      const list = (values: Record<string, number> | null) => (values ? Object.entries(values).map(([name, value]) => `${name} ${fmt(value, 2)}`).join(', ') : '—');
      console.log(`  ${phase.label}: per delivery ${list(phase.database.perDelivery)}; per event ${list(phase.database.perEvent)}`);
    }
  }
  const isolation = report.phases.find((phase) => phase.isolation)?.isolation;
  if (isolation) {
    console.log(
      `\nisolation: ${isolation.healthyEndpoints} healthy, ${isolation.slowEndpoints} slow (answer after the 3.5 s budget), ${isolation.failingEndpoints} answering 500; ` +
        `${fmt(isolation.perHealthyEndpointPerS, 1)}/s per healthy endpoint vs ${fmt(isolation.fanOut1PerEndpointPerS, 1)}/s in fan-out 1 (${pct(isolation.fractionOfFanOut1)}); ` +
        `attempts ${Object.entries(isolation.attemptsByCause).map(([cause, count]) => `${cause} ${count}`).join(', ')}`,
    );
  }
  const { audit } = report;
  const c = audit.counts;
  console.log(
    `audit: ${fmt(audit.eventsAcceptedByApi)} events accepted (${fmt(c.events)} stored, ${audit.eventsLost} lost, ${c.eventsWithWrongFanOut} with a wrong fan-out); ` +
      `notifications ${Object.entries(audit.byStatus).map(([status, count]) => `${status} ${fmt(count)}`).join(', ')} ` +
      `(PENDENTE = ${fmt(c.scheduledRetries)} scheduled isolation retries + ${audit.unexpectedPending} unexpected); ` +
      `${fmt(c.receipts)} receipts for ${fmt(c.receiptedNotifications)} notifications, ${c.deliveredWithoutReceipt} ENTREGUE without one, ${c.receiptsOfUndelivered} on others; ` +
      `receiver answered 200 to ${fmt(audit.receiver.distinctAnswered200)} distinct notifications (${audit.receiver.repeatedAnswered200} repeats), ${audit.answered200WithoutReceipt} without a receipt; ` +
      `chain ${audit.chain.valida ? 'valid' : 'BROKEN'} (${fmt(audit.chain.recibos)} receipts) → ${audit.ok ? 'OK' : 'FAILED'}`,
  );
  console.log(`peak RSS: ${Object.entries(report.peakRssMb).map(([name, mb]) => `${name} ${fmt(mb)} MB`).join(', ')}\n`);
  console.log(table(['target', 'this run', 'holds'], report.targets.map((check) => [check.target, check.value, check.holds ? 'yes' : 'NO'])));
}
