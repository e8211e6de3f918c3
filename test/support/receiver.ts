import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { type CaBundle, issueServerCertificate, loadCertificateAuthority } from '#pki';

export interface ReceivedRequest {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  remoteAddress: string | undefined;
  receivedAt: number;
}

export interface Reply {
  status: number;
  body?: string;
  /** Answer only after this long (a slow receiver). */
  delayMs?: number;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Called when each request arrives, before answering: lets a test act mid-delivery. */
  onRequest?: (request: ReceivedRequest) => void;
  close: () => Promise<void>;
}

/**
 * A real HTTPS receiver on loopback with a server certificate issued by `ca` (the simulator's own
 * test CA by default). `replies[n]` answers the n-th request; the last reply repeats.
 */
export async function startReceiver(
  ca: CaBundle,
  replies: Reply[] = [{ status: 200 }],
  path = '/hook',
  /** Serve this certificate instead of one issued by `ca` (a self-signed one, say). */
  served?: { certPem: string; keyPem: string; chainPem: string },
): Promise<Receiver> {
  const certificate = served ?? (await issueServerCertificate(await loadCertificateAuthority(ca), { now: new Date(), ipAddresses: ['127.0.0.1'] }));
  const receiver: Receiver = { url: '', requests: [], close: async () => undefined };
  const timers = new Set<NodeJS.Timeout>();
  const server = https.createServer(
    { cert: certificate.certPem + certificate.chainPem, key: certificate.keyPem },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request: ReceivedRequest = {
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          remoteAddress: req.socket.remoteAddress,
          receivedAt: Date.now(),
        };
        const reply = replies[Math.min(receiver.requests.length, replies.length - 1)];
        receiver.requests.push(request);
        receiver.onRequest?.(request);
        const answer = () => {
          if (res.destroyed) return;
          res.writeHead(reply.status, { 'Content-Type': 'text/plain' });
          res.end(reply.body ?? `status ${reply.status}`);
        };
        if (reply.delayMs) {
          const timer = setTimeout(() => {
            timers.delete(timer);
            answer();
          }, reply.delayMs);
          timers.add(timer);
        } else answer();
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  receiver.close = async () => {
    for (const timer of timers) clearTimeout(timer);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return receiver;
}
