/**
 * Feature hashing: strings and runs of character codes to bucket indices without allocating
 * substrings. FNV-1a over UTF-16 code units, finished with murmur3's avalanche so that the low bits
 * (the bucket) depend on every input unit.
 */
import { fmix32 } from '../../../shared/util/hash.js';
const FNV_PRIME = 0x01000193;
export const FNV_OFFSET = 0x811c9dc5 | 0;

/** Mixes one more code unit (or small integer) into a running hash. */
export function mix(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/** murmur3 fmix32: spreads every input bit over the result. */
export const finish = fmix32;

/** The starting hash of a feature namespace, so "w:good" and "c:good" fall in different buckets. */
export function seed(namespace: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < namespace.length; i++) h = mix(h, namespace.charCodeAt(i));
  return mix(h, 0x1f);
}

/** Hash of a whole string under a namespace seed. */
export function hashString(nsSeed: number, s: string): number {
  let h = nsSeed;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return finish(h);
}
