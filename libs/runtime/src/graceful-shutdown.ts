import type { Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';

interface Tracked {
  inFlight: Set<ServerResponse>;
  draining: boolean;
}

const tracked = new WeakMap<Server, Tracked>();

/** A response that has not started yet tells its client to go: the connection ends after it. */
function sayClose(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader('Connection', 'close');
}

/** Follows `server`'s responses in flight so a shutdown can tell their clients the connection is ending. */
export function trackResponses(server: Server): void {
  if (tracked.has(server)) return;
  const state: Tracked = { inFlight: new Set(), draining: false };
  tracked.set(server, state);
  // prependListener: runs before the app, so the header is there however fast the handler answers.
  server.prependListener('request', (_request, response: ServerResponse) => {
    if (state.draining) sayClose(response);
    state.inFlight.add(response);
    response.once('close', () => state.inFlight.delete(response));
  });
}

/**
 * Stops `apps` in the order that loses nothing: first their listeners (no new connection; every response
 * still to be written says `Connection: close`; idle keep-alive sockets closed), then the requests in
 * flight drain (each cut once `deadlineMs` passes), and only then the apps close, and with them Redis
 * and PostgreSQL: a request accepted before the signal still commits and enqueues.
 */
export async function closeGracefully(apps: INestApplication[], deadlineMs: number): Promise<void> {
  const servers = apps.map((app) => app.getHttpServer() as Server);
  const drained = servers.map((server) => {
    const state = tracked.get(server);
    if (state) {
      state.draining = true;
      state.inFlight.forEach(sayClose);
    }
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    return closed;
  });
  const deadline = setTimeout(() => servers.forEach((server) => server.closeAllConnections()), deadlineMs);
  try {
    await Promise.all(drained);
  } finally {
    clearTimeout(deadline);
  }
  for (const app of apps) await app.close();
}

/** Runs `close` once on the first SIGTERM or SIGINT, then exits (1 if closing failed). */
export function onTermination(close: () => Promise<void>): void {
  let closing = false;
  const handle = () => {
    if (closing) return;
    closing = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handle);
  process.once('SIGINT', handle);
}
