import { setTimeout as delay } from 'node:timers/promises';
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  /** The body of the next request. */
  body: () => string;
  durationS: number;
  connections: number;
  /** Requests per second; as fast as answered when absent. */
  rate?: number;
}

export interface LoadResult {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** The emitting call's own latency (p50 averaged over instances, p99 their worst). */
  p50Ms: number;
  p99Ms: number;
}

// autocannon paces a rate per second: each connection sends its share back to back at the start of every
// second. Instances started a fraction of a second apart, each with a small share, spread the load evenly.
const REQUESTS_PER_INSTANCE = 10;
const MAX_INSTANCES = 50;

/** Drives POST requests with autocannon, closed-loop or at a fixed rate. */
export async function drive(options: LoadOptions): Promise<LoadResult> {
  const run = (durationS: number, rate?: number, connections = options.connections) =>
    autocannon({
      url: options.url,
      method: 'POST',
      connections,
      duration: durationS,
      // Correcting for coordinated omission assumes a steady pace per connection, which a paced burst is not.
      ...(rate ? { overallRate: rate, ignoreCoordinatedOmission: true } : {}),
      headers: options.headers,
      requests: [{ setupRequest: (request) => ({ ...request, body: options.body() }) }],
    });
  if (!options.rate) return summarise([await run(options.durationS)]);

  const instances = Math.max(1, Math.min(MAX_INSTANCES, Math.round(options.rate / REQUESTS_PER_INSTANCE)));
  const results = await Promise.all(
    Array.from({ length: instances }, async (_, index) => {
      const share = Math.floor(options.rate! / instances) + (index < options.rate! % instances ? 1 : 0);
      const offsetS = index / instances;
      await delay(offsetS * 1000);
      // As many connections as requests in the share, so one slow answer does not delay the next request.
      return run(options.durationS - offsetS, share, share);
    }),
  );
  return summarise(results);
}

function summarise(results: autocannon.Result[]): LoadResult {
  const sum = (pick: (result: autocannon.Result) => number) => results.reduce((total, result) => total + pick(result), 0);
  const requests = sum((result) => result.requests.total);
  return {
    requests,
    ok: sum((result) => result['2xx']),
    non2xx: sum((result) => result.non2xx),
    errors: sum((result) => result.errors),
    p50Ms: requests ? sum((result) => result.latency.p50 * result.requests.total) / requests : 0,
    p99Ms: Math.max(...results.map((result) => result.latency.p99)),
  };
}
