import type { ConnectionOptions } from 'bullmq';

export function redisConnection(url: string): ConnectionOptions {
  // BullMQ workers block on Redis; they must wait for it to come back rather than fail commands.
  return { url, maxRetriesPerRequest: null };
}
