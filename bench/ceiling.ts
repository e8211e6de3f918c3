/**
 * The HTTP ceiling, in a process of its own: a plain axios client with the delivery engine's agent settings
 * (keep-alive, 64 sockets per origin, TLS ≥ 1.2, the simulator's CA) posting a notification-sized body
 * straight to the receiver's `ok` endpoints, `concurrency` requests in flight.
 */
import https from 'node:https';
import axios from 'axios';

export interface CeilingRun {
  type: 'run';
  urls: string[];
  caPem: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  body: string;
}

export interface CeilingResult {
  requests: number;
  errors: number;
  perSecond: number;
}

async function run({ urls, caPem, concurrency, warmupMs, durationMs, body }: CeilingRun): Promise<CeilingResult> {
  const agents = new Map(urls.map((url) => [url, new https.Agent({ keepAlive: true, maxSockets: 64, ca: caPem, minVersion: 'TLSv1.2' })]));
  const measureFrom = Date.now() + warmupMs;
  const end = measureFrom + durationMs;
  let requests = 0;
  let errors = 0;
  let next = 0;
  const loop = async () => {
    while (Date.now() < end) {
      const url = urls[next++ % urls.length];
      try {
        const response = await axios.post(url, body, {
          httpsAgent: agents.get(url),
          headers: { 'Content-Type': 'application/json', 'event-type': 'dimp-registro', 'destinatario-tipo': 'UF', 'destinatario-id': 'SP' },
          validateStatus: () => true,
          proxy: false,
          timeout: 3_500,
          transformRequest: [(data: string) => data],
        });
        if (response.status !== 200) errors += 1;
        else if (Date.now() >= measureFrom && Date.now() < end) requests += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  for (const agent of agents.values()) agent.destroy();
  return { requests, errors, perSecond: requests / (durationMs / 1000) };
}

// After its result the client stays until the bench stops it, so the bench's CPU meter still sees it.
process.on('message', (message: CeilingRun) => {
  if (message.type !== 'run') return;
  run(message).then(
    (result) => process.send?.({ type: 'result', result }),
    (error: Error) => process.send?.({ type: 'error', message: error.message }, () => process.exit(1)),
  );
});
