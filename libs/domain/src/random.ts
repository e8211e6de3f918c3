import { type RandomSource, seededRandom } from '#brazilian-ids';

/** Seeded choices for generated business data: the same seed gives the same draws in the same order. */
export class SeededRandom {
  readonly next: RandomSource;

  constructor(readonly seed: number) {
    this.next = seededRandom(seed);
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.min(max - min, Math.floor(this.next() * (max - min + 1)));
  }

  /** A decimal in [min, max) with `places` decimals. */
  decimal(min: number, max: number, places = 2): number {
    return round(min + this.next() * (max - min), places);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = this.next() * total;
    for (const [value, weight] of entries) {
      draw -= weight;
      if (draw < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }
}

/** Rounds half away from zero at `places` decimals (money is 2 places in the portal's models). */
export function round(value: number, places = 2): number {
  const factor = 10 ** places;
  return Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON) / factor;
}

/** A fresh seed when the caller gives none; returned so the result can be reproduced. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
