/**
 * Small seeded randomness for the demo feed. Every stream is keyed by a tuple (seed, what, when…)
 * so any simulated second, cycle or slot can be regenerated on its own, in any order, with the
 * same result: that is what makes restarts and backfills idempotent downstream.
 */
import { hash32, mulberry32 } from '../../shared/util/hash.js';

/** A uniform number in [0, 1). */
export type Rng = () => number;

export { hash32 };

export function rngFor(...key: Array<string | number>): Rng {
  return mulberry32(hash32(key.join('|')));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

/** Integer in [lo, hi], both inclusive. */
export function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Picks a key with probability proportional to its weight. */
export function weighted<K extends string>(rng: Rng, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as Array<[K, number]>;
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new Error('weighted() with no entries');
  return last[0];
}

/**
 * Poisson-distributed count. Knuth's product method is exact for the small means a second has at
 * ordinary rates; above 30 a rounded normal approximation avoids O(mean) work and exp underflow.
 */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng();
    while (p > limit) {
      k++;
      p *= rng();
    }
    return k;
  }
  const u1 = Math.max(rng(), Number.EPSILON);
  const u2 = rng();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
}

/** Heavy-tailed (Pareto) integer ≥ min, capped, as follower counts are. */
export function pareto(rng: Rng, min: number, alpha: number, cap: number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.min(cap, Math.floor(min / Math.pow(u, 1 / alpha)));
}
