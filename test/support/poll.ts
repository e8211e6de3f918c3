import { setTimeout as delay } from 'node:timers/promises';

/** Polls until `probe` returns a value `done` accepts; never a fixed sleep. */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 15_000, intervalMs = 25, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await delay(intervalMs);
    last = await probe();
  }
  return last;
}
