/**
 * The benchmark's receiver, in a process of its own (forked with an IPC channel): one keep-alive HTTPS
 * server per endpoint, so every endpoint is its own origin, as every Sefaz is. Modes: `ok` answers 200,
 * `error` answers 500, `slow` answers 200 only after `slowMs` (past the portal's 3.5 s budget).
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export type EndpointMode = 'ok' | 'error' | 'slow';

export interface ReceiverStart {
  type: 'start';
  certPem: string;
  keyPem: string;
  endpoints: EndpointMode[];
  slowMs: number;
}

export interface ReceiverStats {
  requests: number;
  byMode: Record<EndpointMode, number>;
  /** Distinct `id-notificacao` answered 200 by `ok` endpoints, and repeats of one already answered. */
  distinctAnswered200: number;
  repeatedAnswered200: number;
}

const byMode: Record<EndpointMode, number> = { ok: 0, error: 0, slow: 0 };
const answered = new Set<string>();
let requests = 0;
let repeated = 0;
const servers: https.Server[] = [];

function send(message: unknown): void {
  process.send?.(message);
}

async function start({ certPem, keyPem, endpoints, slowMs }: ReceiverStart): Promise<number[]> {
  const ports: number[] = [];
  for (const mode of endpoints) {
    const server = https.createServer({ cert: certPem, key: keyPem, minVersion: 'TLSv1.2' }, (req, res) => {
      req.resume();
      req.on('end', () => {
        requests += 1;
        byMode[mode] += 1;
        if (mode === 'error') {
          res.writeHead(500, { 'Content-Type': 'text/plain' }).end('erro');
          return;
        }
        if (mode === 'slow') {
          const timer = setTimeout(() => res.destroyed || res.writeHead(200).end('tarde'), slowMs);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        const id = req.headers['id-notificacao'];
        if (typeof id === 'string') {
          if (answered.has(id)) repeated += 1;
          else answered.add(id);
        }
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      });
    });
    // Longer than any pause between phases: an idle keep-alive socket closed under the client is not what we measure.
    server.keepAliveTimeout = 120_000;
    server.headersTimeout = 130_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    ports.push((server.address() as AddressInfo).port);
  }
  return ports;
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'start') {
    start(message as ReceiverStart).then(
      (ports) => send({ type: 'ready', ports }),
      (error: Error) => send({ type: 'error', message: error.message }),
    );
  } else if (message.type === 'stats') {
    const stats: ReceiverStats = { requests, byMode, distinctAnswered200: answered.size, repeatedAnswered200: repeated };
    send({ type: 'stats', stats });
  }
});
process.on('SIGTERM', () => {
  for (const server of servers) server.closeAllConnections();
  process.exit(0);
});
