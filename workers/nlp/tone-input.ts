import { analysisLang, detectLang, reportedLang, type AnalysisLang } from './lang.js';
import type { ToneView } from './model/task-features.js';
import { normalise, type Normalised } from './normalise.js';
import { segmentByLexicon } from './lexicon-segment.js';
import { tokenizeEnglish } from './segment.js';

/** Own words that only say "this is a forward" (Weibo fills them in for an empty repost). */
const FORWARD_ONLY = new Set(['', '转发微博', '转发', '转', '轉發微博', 'repost', 'rt']);

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
  const lastQuoted = chain.length ? chain[chain.length - 1]!.text : '';
  const own = forwardOnly && lastQuoted ? lastQuoted : n.own;
  let rest = '';
  for (let i = 0; i < chain.length; i++) {
    if (forwardOnly && i === chain.length - 1) continue;
    rest += (rest ? ' ' : '') + chain[i]!.text;
  }
  const detected = detectLang(own || lastQuoted || text);
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
