import type { ConnectionOptions } from 'bullmq';

export function redisConnection(url: string): ConnectionOptions {
  // BullMQ workers block on Redis; they must wait for it to come back rather than fail commands.
  return { url, maxRetriesPerRequest: null };
}

/** How long one producer command may wait on a Redis that accepts the connection but does not answer. */
export const PRODUCER_COMMAND_TIMEOUT_MS = 3_000;

/**
 * Connections that add jobs and read counts: PostgreSQL holds the truth and the reconciler enqueues
 * what did not get through, so a command fails at once while Redis is away instead of being buffered
 * (`enableOfflineQueue: false`) and gives up on a Redis that hangs (`commandTimeout`).
 */
export function producerConnection(url: string): ConnectionOptions {
  return { url, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: PRODUCER_COMMAND_TIMEOUT_MS };
}
