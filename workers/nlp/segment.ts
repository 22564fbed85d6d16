import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import type { AnalysisLang } from './lang.js';
import { chineseLexiconWords } from './lexicon/index.js';
import { SEGMENTATION_TERMS } from './lexicon/segmentation-terms.js';

/** Frequency given to user-dictionary terms: high enough to beat a split, far below common words. */
const USER_TERM_FREQ = 20_000;

let jieba: Jieba | undefined;

/**
 * Classifiers that look for cue phrases (critical, stance, topics) match substrings, so only words
 * the token lexicon knows need to come out of segmentation whole.
 */
function loadTerms(j: Jieba, terms: string[]): void {
  // Only terms the bundled dictionary splits: re-weighting words it already has would change
  // how unrelated text is cut.
  const missing = [...new Set(terms)].filter((t) => {
    const cut = j.cut(t, false);
    return cut.length !== 1;
  });
  if (missing.length) j.loadDict(Buffer.from(missing.map((t) => `${t} ${USER_TERM_FREQ}`).join('\n') + '\n'));
}

/** The segmenter, with the bundled dictionary and the project's user terms, loaded once (~0.2 s). */
export function segmenter(): Jieba {
  if (!jieba) {
    const j = Jieba.withDict(dict);
    loadTerms(j, [...SEGMENTATION_TERMS.split(/\s+/).filter(Boolean), ...chineseLexiconWords()]);
    jieba = j;
  }
  return jieba;
}

// Words with their contractions kept whole ("don't" stays one negating token), numbers, runs of
// sentence punctuation (clause boundaries for negation scope and questions), and Han runs.
const EN_TOKEN = /[a-z0-9]+(?:['’][a-z]+)*|[!?.,;:…]+|[\u4e00-\u9fff]+/g;
let enTokenizer: RegexpTokenizer | undefined;

/** English tokens of a lower-cased text, via natural's regexp tokenizer. */
export function tokenizeEnglish(text: string): string[] {
  enTokenizer ??= new RegexpTokenizer({ pattern: EN_TOKEN, gaps: false });
  const tokens = enTokenizer.tokenize(text) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.includes('’')) tokens[i] = t.replace(/’/g, "'");
  }
  return tokens;
}

/** Chinese tokens (jieba with HMM for unknown words); Latin words come out whole, spaces are dropped. */
export function segmentChinese(text: string): string[] {
  const out = segmenter().cut(text, true);
  let w = 0;
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    if (t.trim() !== '') out[w++] = t;
  }
  out.length = w;
  return out;
}

/** Tokens for the analysis language: English tokenizer for 'en', the Chinese segmenter otherwise. */
export function tokenize(text: string, lang: AnalysisLang): string[] {
  if (text === '') return [];
  return lang === 'en' ? tokenizeEnglish(text) : segmentChinese(text);
}
