import https from 'node:https';
import type { AddressInfo } from 'node:net';

/** How a receiver treats each request: answer 200, never answer, reset the connection, or answer 200 late. */
export type Behaviour = 'ok' | 'hang' | 'reset' | 'slow';

export interface FaultReceiver {
  url: string;
  /** Requests seen per `id-notificacao`. */
  seen: Map<string, number>;
  close: () => Promise<void>;
}

/** Within the 3.5 s budget, but slow enough to hold sockets while faults strike. */
const SLOW_MS = 1_500;

/** A loopback HTTPS receiver with a certificate the simulator issued (its CA is trusted by the workers). */
export async function startFaultReceiver(cert: string, key: string, behaviour: Behaviour): Promise<FaultReceiver> {
  const seen = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const server = https.createServer({ cert, key }, (req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['id-notificacao'] ?? '');
      seen.set(id, (seen.get(id) ?? 0) + 1);
      if (behaviour === 'hang') return;
      // TLS sockets cannot send a TCP RST from here: the connection is dropped with no answer.
      if (behaviour === 'reset') return req.socket.destroy();
      const answer = () => !res.destroyed && res.writeHead(200).end('ok');
      if (behaviour === 'ok') return answer();
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, SLOW_MS);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    seen,
    close: async () => {
      timers.forEach(clearTimeout);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
