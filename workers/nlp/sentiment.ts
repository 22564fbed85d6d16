import type { SentimentLabel } from '../../shared/contracts/tags.js';
import { EMOJI, EMOTICONS } from './lexicon/emoticons.js';
import { lookupToken } from './token-lookup.js';

export interface SentimentResult {
  label: SentimentLabel;
  /** In [-1, 1], rounded to 3 decimals. */
  score: number;
}

/** |score| below this is neutral. */
export const NEUTRAL_BAND = 0.2;
/** How many tokens after a negator it still applies to (punctuation ends it sooner). */
const NEGATION_SCOPE = 3;
/** How many tokens a degree adverb waits for its word. */
const DEGREE_SCOPE = 2;
/** Weight of what came before a contrast marker. */
const BEFORE_CONTRAST = 0.4;
/** Praise inside a question ("好吗?") is not asserted. */
const QUESTION_POSITIVE = 0.5;
/** Praise next to a sarcasm cue ("辛苦了[微笑]") is mostly not meant. */
const SARCASTIC_POSITIVE = 0.25;
const SARCASM_PENALTY = 0.2;

const isBoundary = (t: string): boolean => /^[!?.,;:…。、;~\n]+$/.test(t);

/**
 * Lexicon sentiment over tokens with negation scope, degree adverbs, contrast, questions,
 * exclamation emphasis, emoticons/emoji and sarcasm cues. The raw sum is squashed with tanh.
 */
export function scoreSentiment(tokens: readonly string[], emoticons: readonly string[], emoji: readonly string[]): SentimentResult {
  const { label, score } = scoreSentimentDetailed(tokens, emoticons, emoji);
  return { label, score };
}

/**
 * `scoreSentiment` plus `litotes`: the polarity mass of negative words that a negator turned
 * positive ("not bad", "没有失望"), which corpus-trained models tend to read as negative.
 */
export function scoreSentimentDetailed(tokens: readonly string[], emoticons: readonly string[], emoji: readonly string[]): SentimentResult & { litotes: number } {
  let litotes = 0;
  let pos = 0;
  let neg = 0;
  let clausePos = 0;
  let clauseNeg = 0;
  let clauseQuestion = false;
  let negLeft = 0;
  let negSoft = false;
  let deg = 1;
  let degLeft = 0;
  let sarcasm = false;
  let exclaim = 0;

  const closeClause = () => {
    pos += clauseQuestion ? clausePos * QUESTION_POSITIVE : clausePos;
    neg += clauseNeg;
    clausePos = 0;
    clauseNeg = 0;
    clauseQuestion = false;
    negLeft = 0;
    deg = 1;
    degLeft = 0;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const info = lookupToken(t);
    if (!info) {
      if (isBoundary(t)) {
        if (t.includes('!')) exclaim++;
        if (t.includes('?')) clauseQuestion = true;
        closeClause();
        continue;
      }
      if (negLeft > 0) negLeft--;
      if (degLeft > 0 && --degLeft === 0) deg = 1;
      continue;
    }
    if (info.sarcasm) sarcasm = true;
    if (info.question) clauseQuestion = true;
    if (info.contrast) {
      closeClause();
      pos *= BEFORE_CONTRAST;
      neg *= BEFORE_CONTRAST;
      continue;
    }
    if (info.neg) {
      negLeft = NEGATION_SCOPE;
      negSoft = info.neg === 2;
      continue;
    }
    // "好" and "真" are words and adverbs: an adverb when a sentiment word follows.
    if (info.deg && (info.pol === 0 || hasPolarity(tokens[i + 1]))) {
      if (negLeft > 0) negSoft = true; // "不是很好": negating a degree softens it
      deg = info.deg;
      degLeft = DEGREE_SCOPE;
      continue;
    }
    if (info.pol !== 0) {
      let v = info.pol * deg;
      if (negLeft > 0) {
        v *= negSoft ? -0.5 : -0.7;
        negLeft = 0;
        if (v > 0) litotes += v;
      }
      if (v > 0) clausePos += v;
      else clauseNeg += v;
      deg = 1;
      degLeft = 0;
    } else if (negLeft > 0) {
      negLeft--;
    }
  }
  closeClause();

  for (const e of emoticons) {
    const s = EMOTICONS[e];
    if (!s) continue;
    if (s[2]) sarcasm = true;
    if (s[0] > 0) pos += s[0];
    else neg += s[0];
  }
  for (const e of emoji) {
    const s = EMOJI[e];
    if (!s) continue;
    if (s[2]) sarcasm = true;
    if (s[0] > 0) pos += s[0];
    else neg += s[0];
  }

  // Sarcastic praise reads as mild disapproval, not as praise.
  let raw = sarcasm && pos > 0 ? pos * SARCASTIC_POSITIVE - SARCASM_PENALTY + neg : pos + neg;
  raw *= 1 + 0.15 * Math.min(exclaim, 3);
  const score = Math.round(Math.tanh(raw * 0.7) * 1000) / 1000 || 0;
  const label: SentimentLabel = score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
  return { label, score, litotes };
}

function hasPolarity(token: string | undefined): boolean {
  if (token === undefined) return false;
  const info = lookupToken(token);
  return info !== undefined && (info.pol !== 0 || info.neg !== 0);
}
