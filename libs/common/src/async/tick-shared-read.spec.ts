import { describe, expect, it } from 'vitest';
import { TickSharedRead } from './tick-shared-read.js';

describe('TickSharedRead', () => {
  it('answers the calls of one tick with one read, and a later call with a read started after it', async () => {
    let value = 1;
    let reads = 0;
    const shared = new TickSharedRead(async () => {
      reads += 1;
      return value;
    });
    const together = await Promise.all([shared.get(), shared.get(), shared.get()]);
    expect(together).toEqual([1, 1, 1]);
    expect(reads).toBe(1);

    // A change made before a call is always in its answer.
    value = 2;
    expect(await shared.get()).toBe(2);
    expect(reads).toBe(2);
  });

  it('does not let a call join a read already running', async () => {
    let release!: () => void;
    let reads = 0;
    const shared = new TickSharedRead(async () => {
      reads += 1;
      if (reads === 1) await new Promise<void>((resolve) => (release = resolve));
      return reads;
    });
    const first = shared.get();
    while (reads === 0) await new Promise((resolve) => setImmediate(resolve));
    const second = shared.get();
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
  });

  it('passes a failed read to its callers and reads again on the next call', async () => {
    let fail = true;
    const shared = new TickSharedRead(async () => {
      if (fail) throw new Error('down');
      return 'up';
    });
    await expect(shared.get()).rejects.toThrow('down');
    fail = false;
    expect(await shared.get()).toBe('up');
  });
});
