import { Cue } from '../critical.js';
import type { SentimentResult } from '../sentiment.js';
import type { FeatureVector } from './feature-vector.js';
import { isBoundary, isNegator } from './task-features.js';
import { addCharNgrams, addDense, addWordFeatures, charSeeds } from './text-features.js';

/** What the critical model reads of a mention: the text the cue rules read, their findings and verdict, and the tone. */
export interface CriticalView {
  lang: 'zh' | 'en';
  /** Normalised own words (the forwarded text for a plain forward). */
  own: string;
  /** Tokens of `own` (English only; Chinese reads characters). */
  tokens: readonly string[];
  /** `criticalCues(own)`. */
  cues: number;
  /** The cue rules' verdict. */
  rule: boolean;
  sentiment: SentimentResult;
  repliesToOfficial: boolean;
  sarcastic: boolean;
  /** `criticalCues` of the thread root's own words, for a reply whose root is known (0 otherwise). */
  rootCues: number;
}

const OWN = charSeeds('k');
const CUE_NAMES: [number, string][] = Object.entries(Cue).map(([name, bit]) => [bit, name]);

/**
 * Features for "criticises the authorities": the words (zh character 1–3-grams, en word 1–2-grams),
 * which cue kinds the rules found (authority named, judgement, praise, wrongdoer, report) and their
 * pairs, the rules' verdict, and the sentiment model's reading. The model learns how far to trust
 * each of them from the project's own labels.
 */
export function criticalFeatures(fv: FeatureVector, v: CriticalView): void {
  fv.reset();
  if (v.lang === 'zh') addCharNgrams(fv, v.own, OWN, 3, 1);
  else addWordFeatures(fv, v.tokens, isNegator, isBoundary, false, 1);
  for (const [bit, name] of CUE_NAMES) {
    if ((v.cues & bit) === 0) continue;
    addDense(fv, `cue:${name}`, 1);
    for (const [bit2, name2] of CUE_NAMES) if (bit2 > bit && (v.cues & bit2) !== 0) addDense(fv, `cue:${name}+${name2}`, 1);
  }
  addDense(fv, v.rule ? 'rule:yes' : 'rule:no', 1);
  addDense(fv, `sent:${v.sentiment.label}`, 1);
  addDense(fv, 'sent', v.sentiment.score);
  if ((v.cues & Cue.Target) !== 0) addDense(fv, `target+sent:${v.sentiment.label}`, 1);
  if (v.repliesToOfficial) addDense(fv, 'official-thread', 1);
  if (v.sarcastic) addDense(fv, 'sarcastic', 1);
  // What the reply answers: a reaction under a post that blames the authorities often shares the blame.
  for (const [bit, name] of CUE_NAMES) if ((v.rootCues & bit) !== 0) addDense(fv, `root:${name}`, 1);
  if ((v.rootCues & Cue.Target) !== 0 && (v.rootCues & Cue.Judgement) !== 0) addDense(fv, 'root:judged', 1);
}
