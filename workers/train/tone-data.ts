import { FeatureVector } from '../nlp/model/feature-vector.js';
import { emotionExtras, toneFeatures, type ToneView } from '../nlp/model/task-features.js';
import { prepareText } from '../nlp/tone-input.js';
import type { Example } from './corpora.js';
import { DatasetBuilder, type SparseDataset } from './sparse-dataset.js';

export const TONE_BITS = 18;

export interface PreparedExample<L extends string = string> extends Example<L> {
  view: ToneView;
}

/** Normalises and tokenises examples once (the slow part), keeping those read as `lang`. */
export function prepareExamples<L extends string>(ex: readonly Example<L>[], lang: 'zh' | 'en'): PreparedExample<L>[] {
  const out: PreparedExample<L>[] = [];
  for (const e of ex) {
    const p = prepareText(e.text);
    if (p.view.lang !== lang || p.analysis === 'und') continue;
    out.push({ ...e, view: p.view });
  }
  return out;
}

/** Hashed features of prepared examples as a training set; labels by their index in `classes`. */
export function toneDataset<L extends string>(
  ex: readonly PreparedExample<L>[],
  classes: readonly L[],
  emotion: boolean,
  weightOf: (e: PreparedExample<L>) => number = () => 1,
): SparseDataset {
  const fv = new FeatureVector(TONE_BITS, 2048);
  const b = new DatasetBuilder();
  for (const e of ex) {
    const y = classes.indexOf(e.label);
    if (y < 0) continue;
    toneFeatures(fv, e.view);
    if (emotion) emotionExtras(fv, e.view);
    b.add(fv, y, weightOf(e));
  }
  return b.build();
}
