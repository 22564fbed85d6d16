import type { Emotion } from '../../../shared/contracts/tags.js';
import { classifyEmotion } from '../emotion.js';
import { NEGATORS } from '../lexicon/modifiers.js';
import { scoreSentimentDetailed } from '../sentiment.js';
import { lexiconSignals, LEX, LEX_SIZE } from './derived-lexicon.js';
import { senticonPolarity } from './en-lexicon.js';
import type { FeatureVector } from './feature-vector.js';
import { seed } from './hash.js';
import { addCharNgrams, addDense, addNames, addWordFeatures, charSeeds } from './text-features.js';

/** What the tone models (sentiment, emotion) read of one mention. */
export interface ToneView {
  lang: 'zh' | 'en';
  /** Normalised own words (the forwarded text for a plain forward). */
  own: string;
  /** The quoted repost chain, joined; '' when none. */
  chain: string;
  /** Tokens of `own` (lexicon maximum matching for zh, the English tokenizer for en). */
  tokens: readonly string[];
  emoticons: readonly string[];
  emoji: readonly string[];
}

const OWN = charSeeds('o');
const OWN_NEG = charSeeds('on');
const CHAIN = charSeeds('c');
const EMOTICON = seed('emoticon');
const NEGATOR_SET = new Set(NEGATORS);
export const isNegator = (t: string): boolean => NEGATOR_SET.has(t) || t.endsWith("n't");
export const isBoundary = (t: string): boolean => /^[!?.,;:…]+$/.test(t);
const ASCII_EMOTICON = /(?:^|\s)([:;=8][-'^o]?[)(\][dDpP/\\|*3oO]+|<3|\^_?\^|[)(][-'^]?[:;=])(?=\s|$)/g;

const lexBuf = new Float64Array(LEX_SIZE);

/**
 * Features of the text itself, without emoticon or emoji names: the sentiment models must not
 * learn Weibo emoticons from weibo_senti_100k, whose labels were derived from them; their evidence
 * is added after the model instead (see tone.ts).
 * - zh: character 1–3-grams of the own words (negation-scoped) and 1–2-grams of the quoted chain (the tone being
 *   forwarded, in a block of its own so the model learns how much it counts);
 * - en: word 1–2-grams with negation marking and character 3–5-grams of words, ASCII emoticons;
 * - both: the hand lexicon's score (negation, degree, contrast aware), derived-lexicon evidence
 *   (zh: NTUSD/HowNet/Tsinghua/DUTIR; en: natural's SentiCon), question and exclamation marks.
 */
export function toneFeatures(fv: FeatureVector, v: ToneView): LexiconReading {
  fv.reset();
  if (v.lang === 'zh') {
    addCharNgrams(fv, v.own, OWN, 3, 1, OWN_NEG);
    if (v.chain) addCharNgrams(fv, v.chain, CHAIN, 2, 1);
    lexiconSignals(v.own, lexBuf);
    addDense(fv, 'zl+', Math.log1p(lexBuf[LEX.pos]!));
    addDense(fv, 'zl-', Math.log1p(lexBuf[LEX.neg]!));
  } else {
    addWordFeatures(fv, v.tokens, isNegator, isBoundary, true, 1);
    const icons = v.own.match(ASCII_EMOTICON);
    if (icons) addNames(fv, EMOTICON, icons.map((s) => s.trim()), 0.7);
    let sp = 0;
    let sn = 0;
    let negLeft = 0;
    const sc = senticonPolarity();
    for (const t of v.tokens) {
      if (isBoundary(t)) negLeft = 0;
      else if (isNegator(t)) negLeft = 3;
      else {
        let p = sc.get(t) ?? 0;
        if (negLeft > 0) {
          p = -p;
          negLeft--;
        }
        if (p > 0) sp += p;
        else sn -= p;
      }
    }
    addDense(fv, 'sc+', Math.log1p(sp));
    addDense(fv, 'sc-', Math.log1p(sn));
  }
  const reading = scoreSentimentDetailed(v.tokens, [], []);
  const lex = reading.score;
  addDense(fv, 'lex', lex);
  addDense(fv, lex > 0.2 ? 'lex:pos' : lex < -0.2 ? 'lex:neg' : 'lex:0', 0.5);
  if (v.own.includes('?')) addDense(fv, 'q', 0.3);
  if (v.own.includes('!')) addDense(fv, '!', 0.3);
  if (v.own === '') addDense(fv, 'empty', 1);
  return reading;
}

/** The hand lexicon's reading of the text (without emoticons), returned so callers need not score twice. */
export interface LexiconReading {
  score: number;
  litotes: number;
}

/**
 * Appends what only the emotion model reads: emoticon and emoji names, lexicon emotion evidence.
 * Returns the lexicon's own emotion verdict.
 */
export function emotionExtras(fv: FeatureVector, v: ToneView): Emotion {
  addNames(fv, EMOTICON, v.emoticons, 0.8);
  addNames(fv, EMOTICON, v.emoji, 0.8);
  const lexEmotion = classifyEmotion(v.tokens, v.emoticons, v.emoji);
  addDense(fv, `le:${lexEmotion}`, 0.5);
  if (v.lang === 'zh') {
    for (const [name, slot] of [['joy', LEX.joy], ['anger', LEX.anger], ['sadness', LEX.sadness], ['fear', LEX.fear], ['surprise', LEX.surprise], ['disgust', LEX.disgust]] as const) {
      addDense(fv, `zle:${name}`, Math.log1p(lexBuf[slot]!));
    }
  }
  return lexEmotion;
}
