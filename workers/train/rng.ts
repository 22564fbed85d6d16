/** Seeded PRNG (mulberry32): training is reproducible bit for bit. */
export { mulberry32 } from '../../shared/util/hash.js';

export function shuffleInPlace(a: Int32Array, rnd: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
