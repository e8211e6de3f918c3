import type { Audit, PhaseResult } from './run.js';

export interface TargetCheck {
  target: string;
  value: string;
  holds: boolean;
}

const fmt = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${fmt(value * 100)}%`);

/** The issue's targets, judged on this run's figures. */
export function targetChecks(phases: PhaseResult[], peakRssMb: Record<string, number>, audit: Audit): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const fanOut1 = phases.find((phase) => phase.phase === 'fanout1');
  if (fanOut1) {
    checks.push({ target: 'fan-out 1: ≥ 1,000 deliveries/s with receipts', value: `${fmt(fanOut1.deliveriesPerS)}/s`, holds: fanOut1.deliveriesPerS >= 1_000 });
    checks.push({ target: 'fan-out 1: ≥ 35% of ceiling', value: pct(fanOut1.fractionOfCeiling), holds: (fanOut1.fractionOfCeiling ?? 0) >= 0.35 });
    // "Without a growing backlog": what was not yet attempted grows by less than 2% of the accepted rate.
    const growth = fanOut1.backlog?.growthPerS ?? Infinity;
    checks.push({
      target: 'fan-out 1: ≥ 1,000 events/s accepted, backlog not growing',
      value: `${fmt(fanOut1.eventsPerS)}/s, backlog ${growth >= 0 ? '+' : ''}${fmt(growth)}/s`,
      holds: (fanOut1.eventsPerS ?? 0) >= 1_000 && growth <= 0.02 * (fanOut1.eventsPerS ?? 0),
    });
  }
  const latency = phases.find((phase) => phase.phase === 'latency');
  if (latency?.latencyMs) {
    checks.push({ target: 'latency: p99 acceptance → committed receipt ≤ 150 ms', value: `${fmt(latency.latencyMs.p99)} ms`, holds: latency.latencyMs.p99 <= 150 });
  }
  const isolation = phases.find((phase) => phase.phase === 'isolation')?.isolation;
  if (isolation) {
    checks.push({
      target: 'isolation: healthy endpoints keep ≥ 80% of their fan-out 1 throughput',
      value: pct(isolation.fractionOfFanOut1),
      holds: (isolation.fractionOfFanOut1 ?? 0) >= 0.8,
    });
  }
  for (const [name, mb] of Object.entries(peakRssMb)) checks.push({ target: `${name} peak RSS ≤ 350 MB`, value: `${fmt(mb)} MB`, holds: mb <= 350 });
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
