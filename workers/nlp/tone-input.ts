import { analysisLang, detectLang, reportedLang, type AnalysisLang } from './lang.js';
import type { ToneView } from './model/task-features.js';
import { normalise, type Normalised } from './normalise.js';
import { segmentByLexicon } from './lexicon-segment.js';
import { tokenizeEnglish } from './segment.js';

/** Own words that only say "this is a forward" (Weibo fills them in for an empty repost). */
const FORWARD_ONLY = new Set(['', '转发微博', '转发', '转', '轉發微博', 'repost', 'rt']);

/**
 * Which quoted words a plain forward passes on: the original's words, or the latest link that
 * has words when the original has none ("//@A: 又是城管！//@B: " forwards A's comment).
 */
function forwardedIndex(chain: Normalised['chain']): number {
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i]!.text.trim()) return i;
  return -1;
}

export interface PreparedText {
  n: Normalised;
  /** The language reported in Tags. */
  lang: string;
  /** The analysis pipeline: 'und' texts get the lexicon only. */
  analysis: AnalysisLang;
  /** True when the own words only mark a forward, so the forwarded text is read instead. */
  forwardOnly: boolean;
  view: ToneView;
}

/**
 * Normalises, picks the text to read (own words, or the forwarded text of a plain forward), the
 * language, and tokenises: the one preparation both tagging and training use.
 */
export function prepareText(text: string, givenLang?: string): PreparedText {
  const n = normalise(text);
  // Every FORWARD_ONLY text is short: skip the replace for the rest.
  const forwardOnly = n.own.length <= 12 && FORWARD_ONLY.has(n.own.replace(/[\s,.!?;:。~…]+/g, ''));
  const chain = n.chain;
  const read = forwardOnly ? forwardedIndex(chain) : -1;
  const own = read >= 0 ? chain[read]!.text : n.own;
  let rest = '';
  for (let i = 0; i < chain.length; i++) {
    if (i === read || !chain[i]!.text) continue;
    rest += (rest ? ' ' : '') + chain[i]!.text;
  }
  const detected = detectLang(own || text);
  const lang = reportedLang(givenLang, detected);
  const analysis = analysisLang(lang, detected);
  const tokens = own === '' ? [] : analysis === 'en' ? tokenizeEnglish(own) : segmentByLexicon(own);
  return {
    n,
    lang,
    analysis,
    forwardOnly,
    view: { lang: analysis === 'en' ? 'en' : 'zh', own, chain: rest, tokens, emoticons: n.emoticons, emoji: n.emoji },
  };
}
