import { EMOTIONS, type Emotion } from '../../shared/contracts/tags.js';
import { classifyEmotion } from '../nlp/emotion.js';
import { macroF1 } from '../eval/metrics.js';
import type { Example } from './corpora.js';
import { FeatureVector } from '../nlp/model/feature-vector.js';
import { argmax } from '../nlp/model/linear-model.js';
import { addLexiconEmotion } from '../nlp/tone.js';
import { exampleVector, toModel, trainLogReg, type LogRegOptions } from './logreg.js';
import { loadTextLabels } from './own-labels.js';
import { balancedClassWeights } from './sparse-dataset.js';
import type { Part } from './splits.js';
import { hash32 } from '../../shared/util/hash.js';
import { prepareExamples, TONE_BITS, toneDataset, type PreparedExample } from './tone-data.js';

export interface EmotionEnTraining {
  examples: number;
  /** Out-of-fold macro-F1 over the trainable labels: the lexicon alone, and the model. */
  lexiconF1: number;
  modelF1: number;
  /** Trained on every trainable label; null when it did not beat the lexicon out of fold. */
  model: { weights: Float32Array; bias: number[] } | null;
}

/**
 * The English emotion model, trained on the project's own labels (no English emotion corpus
 * exists here) over the same tone features as the Chinese one. Kept only if its out-of-fold
 * macro-F1 over folds 2–9 beats the lexicon's.
 */
export async function trainEmotionEn(
  dir: string,
  held: readonly Part[],
  o: Omit<LogRegOptions, 'bits' | 'classes' | 'classWeights'>,
  classBalance: number,
  extra: readonly Example<Emotion>[] = [],
): Promise<EmotionEnTraining | null> {
  const labelled = (await loadTextLabels<Emotion>(dir, 'emotion-en.jsonl')).filter((e) => e.lang === 'en' && !held.includes(e.part));
  const examples: Example<Emotion>[] = [...labelled.map((e) => ({ corpus: 'own-emotion-en', text: e.text, label: e.label, part: e.part })), ...extra];
  if (examples.length === 0) return null;
  const ex = prepareExamples(examples, 'en').map((e) => ({ ...e, fold: hash32(`cv:${e.text}`) % 8 }));
  const k = EMOTIONS.length;
  const fit = (xs: readonly PreparedExample<Emotion>[]) => {
    const ds = toneDataset(xs, EMOTIONS, true);
    return trainLogReg(ds, { ...o, bits: TONE_BITS, classes: k, classWeights: balancedClassWeights(ds.y, k, classBalance) });
  };
  const fv = new FeatureVector(TONE_BITS, 16);
  const logits = new Float64Array(k);
  const gold: number[] = [];
  const model: number[] = [];
  const lexicon: number[] = [];
  for (let f = 0; f < 8; f++) {
    const test = ex.filter((e) => e.fold === f);
    if (test.length === 0) continue;
    const m = toModel({ name: 'emotion-en', classes: [...EMOTIONS], bits: TONE_BITS, meta: {} }, fit(ex.filter((e) => e.fold !== f)));
    const ds = toneDataset(test, EMOTIONS, true);
    test.forEach((e, i) => {
      const lexEmotion = classifyEmotion(e.view.tokens, e.view.emoticons, e.view.emoji);
      // As the tagger reads it: the model's logits plus the lexicon's verdict (tone.ts).
      m.logits(exampleVector(ds, i, fv), logits);
      addLexiconEmotion(logits, EMOTIONS, lexEmotion, 'en');
      gold.push(EMOTIONS.indexOf(e.label));
      model.push(argmax(logits, k));
      lexicon.push(EMOTIONS.indexOf(lexEmotion));
    });
  }
  const lexiconF1 = macroF1(gold, lexicon, k);
  const modelF1 = macroF1(gold, model, k);
  return { examples: ex.length, lexiconF1, modelF1, model: modelF1 > lexiconF1 ? fit(ex) : null };
}
