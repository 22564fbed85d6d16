import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { EmotionClass } from '../lexicon/index.js';
import { PhraseMatcher } from '../phrase-matcher.js';
import { MODELS_DIR } from './model-file.js';

/**
 * The Chinese lexicon derived by `npm run train` from NTUSD, HowNet, Tsinghua (Li Jun) and DUTIR
 * (workers/models/zh-lexicon.tsv.gz: word, polarity, emotion). Matched as substrings, so it needs
 * no segmentation; a negator right before a word flips it.
 */
export const ZH_LEXICON_FILE = 'zh-lexicon.tsv.gz';

/** Signal slots filled by `lexiconSignals`. */
export const LEX = { pos: 0, neg: 1, joy: 2, anger: 3, sadness: 4, fear: 5, surprise: 6, disgust: 7 } as const;
export const LEX_SIZE = 8;
const EMO_SLOT: Record<EmotionClass, number> = {
  joy: LEX.joy, anger: LEX.anger, sadness: LEX.sadness, fear: LEX.fear, surprise: LEX.surprise, disgust: LEX.disgust,
};

interface Loaded {
  matcher: PhraseMatcher;
  pol: Float32Array;
  emo: Int8Array;
}

let loaded: Loaded | null | undefined;

export function parseLexicon(tsv: string): { word: string; pol: number; emo: EmotionClass | null }[] {
  const out: { word: string; pol: number; emo: EmotionClass | null }[] = [];
  for (const line of tsv.split('\n')) {
    const [word, pol, emo] = line.split('\t');
    if (!word || pol === undefined) continue;
    out.push({ word, pol: Number(pol), emo: emo && emo !== '-' ? (emo as EmotionClass) : null });
  }
  return out;
}

function load(): Loaded | null {
  if (loaded !== undefined) return loaded;
  const file = path.join(MODELS_DIR, ZH_LEXICON_FILE);
  if (!existsSync(file)) return (loaded = null);
  const entries = parseLexicon(gunzipSync(readFileSync(file)).toString('utf8'));
  const pol = new Float32Array(entries.length);
  const emo = new Int8Array(entries.length).fill(-1);
  entries.forEach((e, i) => {
    pol[i] = e.pol;
    if (e.emo) emo[i] = EMO_SLOT[e.emo];
  });
  loaded = { matcher: new PhraseMatcher(entries.map((e) => e.word)), pol, emo };
  return loaded;
}

const NEG_CHARS = new Set([...'不没无非别未莫勿']);

/**
 * Adds this text's lexicon evidence to `out` (LEX_SIZE slots): polarity mass of positive and
 * negative words and the count of each emotion's words. Returns false when no lexicon is shipped.
 */
export function lexiconSignals(text: string, out: Float64Array): boolean {
  const lex = load();
  out.fill(0, 0, LEX_SIZE);
  if (!lex) return false;
  lex.matcher.scan(text, (id, start) => {
    let p = lex.pol[id]!;
    const negated = start > 0 && NEG_CHARS.has(text[start - 1]!);
    if (negated) p = -p * 0.7;
    if (p > 0) out[LEX.pos] = out[LEX.pos]! + p;
    else if (p < 0) out[LEX.neg] = out[LEX.neg]! - p;
    const e = lex.emo[id]!;
    if (e >= 0 && !negated) out[e] = out[e]! + 1;
  });
  return true;
}

/** Forgets the loaded lexicon (after `npm run train` rewrote it in this process). */
export function resetZhLexicon(): void {
  loaded = undefined;
}
