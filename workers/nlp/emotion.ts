import type { Emotion } from '../../shared/contracts/tags.js';
import { EMOJI, EMOTICONS } from './lexicon/emoticons.js';
import type { EmotionClass } from './lexicon/index.js';
import { lookupToken } from './token-lookup.js';

/** Below this total weight the text shows no clear emotion. */
const MIN_EMOTION = 0.5;
const NEGATION_SCOPE = 3;
/** Order used to break ties, most actionable for a duty officer first. */
const ORDER: readonly EmotionClass[] = ['anger', 'disgust', 'fear', 'sadness', 'surprise', 'joy'];

/**
 * The dominant emotion from emotion words (scaled by degree adverbs, dropped when negated),
 * emoticons and emoji. Joy next to a sarcasm cue counts for little.
 */
export function classifyEmotion(tokens: readonly string[], emoticons: readonly string[], emoji: readonly string[]): Emotion {
  const score: Record<EmotionClass, number> = { joy: 0, anger: 0, sadness: 0, fear: 0, surprise: 0, disgust: 0 };
  let negLeft = 0;
  let deg = 1;
  let sarcasm = false;
  for (const t of tokens) {
    const info = lookupToken(t);
    if (!info) {
      if (/^[!?.,;:…。、~]+$/.test(t)) {
        negLeft = 0;
        deg = 1;
      } else if (negLeft > 0) negLeft--;
      continue;
    }
    if (info.sarcasm) sarcasm = true;
    if (info.neg) {
      negLeft = NEGATION_SCOPE;
      continue;
    }
    if (info.deg && info.emo === null) {
      deg = info.deg;
      continue;
    }
    if (info.emo) {
      if (negLeft > 0) {
        // "不开心" is sad; other negated emotion words say little.
        if (info.emo === 'joy') score.sadness += info.emoW * 0.5;
        negLeft = 0;
      } else {
        score[info.emo] += info.emoW * deg;
      }
      deg = 1;
    } else if (negLeft > 0) negLeft--;
  }
  for (const e of emoticons) sarcasm = addSymbol(score, EMOTICONS[e]) || sarcasm;
  for (const e of emoji) sarcasm = addSymbol(score, EMOJI[e]) || sarcasm;
  if (sarcasm) score.joy *= 0.25;

  let best: Emotion = 'none';
  let bestScore = MIN_EMOTION - 1e-9;
  for (const e of ORDER) {
    if (score[e] > bestScore) {
      best = e;
      bestScore = score[e];
    }
  }
  return best;
}

function addSymbol(score: Record<EmotionClass, number>, s: readonly [number, EmotionClass | null, boolean?] | undefined): boolean {
  if (!s) return false;
  if (s[1]) score[s[1]] += Math.max(Math.abs(s[0]), 0.6);
  return s[2] === true;
}
