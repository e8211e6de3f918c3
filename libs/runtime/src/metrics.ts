import { collectDefaultMetrics, Counter, Gauge, Histogram, register } from 'prom-client';

let defaultsCollected = false;

/** Process metrics once per process, however many Nest apps it runs. */
export function ensureDefaultMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ prefix: 'pucomex_' });
}

function metric<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

export const deliveriesTotal = metric(
  'pucomex_deliveries_total',
  () =>
    new Counter({
      name: 'pucomex_deliveries_total',
      help: 'Delivery attempts by outcome (ok, http, timeout, tls, connection, other)',
      labelNames: ['outcome'],
    }),
);

export const attemptDuration = metric(
  'pucomex_delivery_attempt_seconds',
  () =>
    new Histogram({
      name: 'pucomex_delivery_attempt_seconds',
      help: 'Duration of delivery attempts',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3.5, 5],
    }),
);

export const eventsTotal = metric(
  'pucomex_events_total',
  () => new Counter({ name: 'pucomex_events_total', help: 'Events emitted', labelNames: ['evento'] }),
);

export function queueDepthGauge(read: () => Promise<Record<string, number>>): Gauge {
  const existing = register.getSingleMetric('pucomex_queue_jobs');
  if (existing) register.removeSingleMetric('pucomex_queue_jobs');
  return new Gauge({
    name: 'pucomex_queue_jobs',
    help: 'Delivery jobs in the queue by state',
    labelNames: ['state'],
    async collect() {
      const counts = await read().catch(() => ({}) as Record<string, number>);
      for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
    },
  });
}

export { register as metricsRegistry };
