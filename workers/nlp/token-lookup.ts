import { tokenLexicon, type TokenInfo } from './lexicon/index.js';

const HAN = /^[\u4e00-\u9fff]{2,5}$/;
/** Compounds found so far ("很好" = 很 × 好); bounded because unknown tokens are many. */
const compounds = new Map<string, TokenInfo | null>();
const COMPOUND_CACHE_MAX = 50_000;

/**
 * The lexicon entry for a token. The segmenter often returns an adverb glued to its word ("很好",
 * "太棒", "不开心", "不太好"), so an unknown Chinese token is also read as degree/negator + word.
 */
export function lookupToken(token: string): TokenInfo | undefined {
  const lex = tokenLexicon();
  const hit = lex.get(token);
  if (hit) return hit;
  if (token.length < 2 || token.length > 5 || !HAN.test(token)) return undefined;
  const cached = compounds.get(token);
  if (cached !== undefined) return cached ?? undefined;
  const info = decompose(token, lex);
  if (compounds.size >= COMPOUND_CACHE_MAX) compounds.clear();
  compounds.set(token, info);
  return info ?? undefined;
}

function decompose(token: string, lex: Map<string, TokenInfo>): TokenInfo | null {
  return modified(token, lex) ?? (token.length === 4 ? halfOfIdiom(token, lex) : null);
}

/**
 * Four-character phrases the segmenter keeps whole ("严惩凶手", "令人心寒") usually carry the
 * sentiment of one half. Phrases where that misleads ("不好意思") are neutral lexicon entries.
 */
function halfOfIdiom(token: string, lex: Map<string, TokenInfo>): TokenInfo | null {
  for (const half of [token.slice(0, 2), token.slice(2)]) {
    const info = lex.get(half);
    if (info && (info.pol !== 0 || info.emo) && !info.neg && !info.deg) return info;
  }
  return null;
}

function modified(token: string, lex: Map<string, TokenInfo>): TokenInfo | null {
  for (let cut = Math.min(3, token.length - 1); cut >= 1; cut--) {
    const head = lex.get(token.slice(0, cut));
    const tail = lex.get(token.slice(cut));
    if (!head || !tail || tail.pol === 0 && !tail.emo) continue;
    if (head.neg === 0 && head.deg === 0) continue;
    const flip = head.neg === 1 ? -0.7 : head.neg === 2 ? -0.5 : 1;
    const deg = head.deg || 1;
    return {
      pol: tail.pol * deg * flip,
      // A negated emotion word expresses no clear emotion, except that "不开心" is sad.
      emo: head.neg ? (tail.emo === 'joy' ? 'sadness' : null) : tail.emo,
      emoW: head.neg ? tail.emoW * 0.5 : tail.emoW * deg,
      neg: 0,
      deg: 0,
      contrast: false,
      question: false,
      sarcasm: false,
    };
  }
  return null;
}
