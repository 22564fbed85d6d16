/**
 * Near-duplicate signatures over character 3-grams (works for Chinese and English alike).
 *
 * One-permutation MinHash with K = 64 bins estimates the Jaccard similarity of two texts' 3-gram
 * sets with one hash per gram (a few microseconds per text):
 * - `hash` keeps one bit of each of the 64 bin minima (b-bit MinHash, b = 1) as 16 hex characters;
 *   texts with Jaccard J disagree on about 64·(1−J)/2 bits, so the Hamming distance estimates J.
 * - `bands` are LSH keys over the full minima: 6 bands of 3 bins each. Texts with J = 0.85 share a
 *   band with probability > 0.99, J = 0.65 about 0.85, J = 0.1 about 0.006, so candidates are few.
 */
import { fmix32 } from '../../shared/util/hash.js';
export interface StorySignature {
  /** b-bit MinHash, 64 bits as 16 hex characters. */
  hash: string;
  /** LSH band keys, e.g. 'b0:1f3a9c02'. */
  bands: string[];
}

const K = 64;
const BANDS = 6;
const ROWS = 3;
/** Texts with fewer meaningful characters than this are too short to cluster. */
export const MIN_CLUSTER_CHARS = 8;
/**
 * Largest Hamming distance that counts as the same story: about Jaccard ≥ 0.55. A repost with a
 * short comment (J ≈ 0.85, ~5 bits) joins; the same topic in other words (J < 0.1, ~29 bits) does not.
 */
export const SAME_STORY_DISTANCE = 14;

/** Above any bin value (bin values are 26-bit). */
const EMPTY = 0x7fffffff;
const PROBES_PER_BIN = 32;

/** Fixed probe sequence for densification, the same in every process. */
const PROBES = new Uint8Array(K * PROBES_PER_BIN);
{
  let x = 0x9e3779b9;
  for (let i = 0; i < PROBES.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    PROBES[i] = (x >>> 0) % K;
  }
}

const mins = new Int32Array(K);
const filled = new Uint8Array(K);

const fmix = fmix32;

/** Letters, digits and CJK: what counts toward a text's content. */
function meaningful(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Signature of a (normalised) text, or null when it has too few meaningful characters. */
export function storySignature(text: string): StorySignature | null {
  const s = meaningful(text);
  if (s.length < MIN_CLUSTER_CHARS) return null;

  // Each gram's hash picks a bin by its low bits; the bin keeps the minimum of the other bits.
  mins.fill(EMPTY);
  for (let i = 0; i + 3 <= s.length; i++) {
    const h = fmix(
      Math.imul(s.charCodeAt(i), 0x01000193) ^ Math.imul(s.charCodeAt(i + 1), 0x5bd1e995) ^ Math.imul(s.charCodeAt(i + 2), 0x27d4eb2f),
    );
    const bin = h & (K - 1);
    const v = h >>> 6;
    if (v < mins[bin]!) mins[bin] = v;
  }
  densify();

  let hi = 0;
  let lo = 0;
  for (let k = 0; k < 32; k++) {
    hi = (hi << 1) | (mins[k]! & 1);
    lo = (lo << 1) | (mins[k + 32]! & 1);
  }
  const bands: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix(Math.imul(h ^ mins[b * ROWS + r]!, 0x01000193));
    bands.push(`b${b}:${hex8(h)}`);
  }
  return { hash: hex8(hi) + hex8(lo), bands };
}

/**
 * Optimal densification (Shrivastava 2017): an empty bin takes the value of a filled bin found by
 * a probe sequence that depends only on the bin, so equal sets still give equal signatures. The
 * value is re-mixed with the bin number so a copied bit is not simply repeated.
 */
function densify(): void {
  let any = -1;
  for (let k = 0; k < K; k++) {
    filled[k] = mins[k] === EMPTY ? 0 : 1;
    if (any < 0 && filled[k]) any = k;
  }
  if (any < 0) return;
  for (let k = 0; k < K; k++) {
    if (filled[k]) continue;
    let source = any;
    for (let p = 0; p < PROBES_PER_BIN; p++) {
      const j = PROBES[k * PROBES_PER_BIN + p]!;
      if (filled[j]) {
        source = j;
        break;
      }
    }
    mins[k] = fmix(mins[source]! ^ Math.imul(k + 1, 0x9e3779b1)) >>> 6;
  }
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** Hamming distance between two 16-hex-character signature hashes (64 when malformed). */
export function signatureDistance(a: string, b: string): number {
  if (a.length !== 16 || b.length !== 16) return 64;
  const x = (parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0;
  const y = (parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0;
  if (Number.isNaN(x) || Number.isNaN(y)) return 64;
  return popcount(x) + popcount(y);
}

function popcount(n: number): number {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Short deterministic hash of a string as 12 hex characters (for story ids). */
export function shortHash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return hex8(fmix(h1 ^ Math.imul(h2, 0x27d4eb2f))) + hex8(fmix(h2 ^ h1)).slice(0, 4);
}
