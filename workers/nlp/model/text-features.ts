import type { FeatureVector } from './feature-vector.js';
import { finish, hashString, mix, seed } from './hash.js';

/**
 * Building blocks of the hashed feature vectors shared by training and tagging (the same code
 * runs in both, so a model always sees the features it was trained on). Each block adds its
 * features with value 1, then scales them to unit length times the block's weight.
 */

/** Seeds of one character n-gram namespace (1-, 2- and 3-grams). */
export interface CharSeeds {
  s1: number;
  s2: number;
  s3: number;
}

export function charSeeds(ns: string): CharSeeds {
  return { s1: seed(`${ns}1`), s2: seed(`${ns}2`), s3: seed(`${ns}3`) };
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;
/** Digits fold to "0" so that numbers share features. */
const fold = (c: number): number => (c >= 49 && c <= 57 ? 48 : c);

/** Chinese negators: the characters after one, up to the clause's end, are read as negated. */
const ZH_NEGATORS = new Set([...'不没无别未莫勿'].map((c) => c.charCodeAt(0)));
/** 别 after these is part of a word (特别 "especially", 区别, 告别…), not "don't". */
const NOT_BIE = new Set([...'特区分告差级类个性识辨鉴离'].map((c) => c.charCodeAt(0)));
const BIE = '别'.charCodeAt(0);
const CLAUSE_END = new Set([...',.!?;:…。~'].map((c) => c.charCodeAt(0)));
const ZH_NEGATION_SCOPE = 4;

/**
 * Character 1..maxN-grams of a text (spaces break n-grams). With `neg` seeds, n-grams ending in a
 * negation scope (the few characters after 不/没/无…, within the clause) use those instead, so
 * "没有失望" does not count as 失望 and the lexicon's negation handling gets its say.
 */
export function addCharNgrams(fv: FeatureVector, text: string, plain: CharSeeds, maxN: 1 | 2 | 3, weight: number, neg?: CharSeeds): void {
  const from = fv.n;
  let p1 = -1;
  let p2 = -1;
  let negLeft = 0;
  for (let i = 0; i < text.length; i++) {
    const c = fold(text.charCodeAt(i));
    if (isSpace(c)) {
      p1 = p2 = -1;
      continue;
    }
    let s = plain;
    if (neg !== undefined) {
      if (ZH_NEGATORS.has(c) && !(c === BIE && NOT_BIE.has(p1))) negLeft = ZH_NEGATION_SCOPE;
      else if (CLAUSE_END.has(c)) negLeft = 0;
      else if (negLeft > 0) {
        s = neg;
        negLeft--;
      }
    }
    fv.add(finish(mix(s.s1, c)));
    if (maxN >= 2 && p1 >= 0) {
      fv.add(finish(mix(mix(s.s2, p1), c)));
      if (maxN >= 3 && p2 >= 0) fv.add(finish(mix(mix(mix(s.s3, p2), p1), c)));
    }
    p2 = p1;
    p1 = c;
  }
  scale(fv, from, weight);
}

const W1 = seed('w1');
const W2 = seed('w2');
const WN = seed('wneg');
const W2N = seed('w2neg');
const WC = seed('wc');

/**
 * Word unigrams and bigrams of a token list, and optionally character 3–5-grams of each word.
 * After a negator (for three tokens, until clause punctuation) a word is emitted negated instead
 * ("not good" → neg:good, no "good" and no character n-grams of it).
 */
export function addWordFeatures(
  fv: FeatureVector,
  tokens: readonly string[],
  isNegator: (t: string) => boolean,
  isBoundary: (t: string) => boolean,
  charGrams: boolean,
  weight: number,
): void {
  const from = fv.n;
  let prev = 0x2a;
  let negLeft = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const h = hashString(W1, t);
    // Bigrams in a negation scope are marked too ("don't hate" is not "hate it").
    fv.add(finish(mix(mix(negLeft > 0 ? W2N : W2, prev), h)));
    prev = h;
    if (isBoundary(t)) {
      fv.add(h);
      negLeft = 0;
      continue;
    }
    if (negLeft > 0) {
      fv.add(hashString(WN, t));
      negLeft--;
      continue;
    }
    fv.add(h);
    if (isNegator(t)) negLeft = 3;
    if (charGrams && t.length >= 3) addWordCharGrams(fv, t);
  }
  fv.add(finish(mix(mix(W2, prev), 0x2b)));
  scale(fv, from, weight);
}

/** Character 3- to 5-grams of " word ", computed on codes without substrings. */
function addWordCharGrams(fv: FeatureVector, t: string): void {
  const n = t.length + 2;
  for (let i = 0; i + 3 <= n; i++) {
    let h = mix(mix(mix(WC, codeAt(t, i, n)), codeAt(t, i + 1, n)), codeAt(t, i + 2, n));
    fv.add(finish(h));
    if (i + 4 <= n) {
      h = mix(h, codeAt(t, i + 3, n));
      fv.add(finish(mix(h, 4)));
      if (i + 5 <= n) fv.add(finish(mix(mix(h, codeAt(t, i + 4, n)), 5)));
    }
  }
}

/** Code unit i of " word " (length n) without building that string. */
function codeAt(t: string, i: number, n: number): number {
  return i === 0 || i === n - 1 ? 32 : fold(t.charCodeAt(i - 1));
}

/** Hashed names (e.g. emoticon names) as one block. */
export function addNames(fv: FeatureVector, nsSeed: number, names: readonly string[], weight: number): void {
  if (names.length === 0) return;
  const from = fv.n;
  for (const name of names) fv.add(hashString(nsSeed, name));
  scale(fv, from, weight);
}

const DENSE = seed('dense');
const denseCache = new Map<string, number>();

/** A named real-valued feature (lexicon scores, cue counts, flags). */
export function addDense(fv: FeatureVector, name: string, value: number): void {
  if (value === 0) return;
  let h = denseCache.get(name);
  if (h === undefined) {
    h = hashString(DENSE, name);
    denseCache.set(name, h);
  }
  fv.add(h, value);
}

function scale(fv: FeatureVector, from: number, weight: number): void {
  if (fv.n === from) return;
  fv.normalise(from);
  if (weight !== 1) for (let i = from; i < fv.n; i++) fv.val[i] = fv.val[i]! * weight;
}
