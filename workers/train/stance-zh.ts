import { STANCES } from '../../shared/contracts/tags.js';
import { hash32 } from '../../shared/util/hash.js';
import { macroF1 } from '../eval/metrics.js';
import { FeatureVector } from '../nlp/model/feature-vector.js';
import { argmax } from '../nlp/model/linear-model.js';
import { stanceFeatures } from '../nlp/model/stance-features.js';
import { textStance, withStrongCues } from '../nlp/stance.js';
import { toModel, trainLogReg, type LogRegOptions } from './logreg.js';
import { balancedClassWeights } from './sparse-dataset.js';
import { STANCE_BITS, STANCE_CLASSES, stanceDataset, type StanceExample } from './stance-data.js';

export interface StanceZhTraining {
  examples: number;
  /** Out-of-fold macro-F1 over the trainable labels: the cue rules alone, and the model (checked against strong cues as the tagger does). */
  rulesF1: number;
  modelF1: number;
  model: { weights: Float32Array; bias: number[] } | null;
}

const CV_FOLDS = 8;

/**
 * The Chinese stance model, trained on the project's own labelled replies (CED stance labels and
 * the domain labels) over character n-grams and the cue sums of reply, root and parent. Kept only
 * if its out-of-fold macro-F1 (folds by thread) beats the cue rules'.
 */
export function trainStanceZh(ex: readonly StanceExample[], o: Omit<LogRegOptions, 'bits' | 'classes' | 'classWeights'>, classBalance: number): StanceZhTraining | null {
  if (ex.length === 0) return null;
  const fit = (xs: readonly StanceExample[]) => {
    const ds = stanceDataset(xs);
    return trainLogReg(ds, { ...o, bits: STANCE_BITS, classes: 4, classWeights: balancedClassWeights(ds.y, 4, classBalance) });
  };
  const fold = (e: StanceExample) => hash32(`cv:${e.threadId}`) % CV_FOLDS;
  const gold: number[] = [];
  const rules: number[] = [];
  const model: number[] = [];
  const fv = new FeatureVector(STANCE_BITS, 1024);
  const logits = new Float64Array(4);
  for (let f = 0; f < CV_FOLDS; f++) {
    const test = ex.filter((e) => fold(e) === f);
    if (test.length === 0) continue;
    const m = toModel({ name: 'stance-zh', classes: [...STANCE_CLASSES], bits: STANCE_BITS, meta: {} }, fit(ex.filter((e) => fold(e) !== f)));
    for (const e of test) {
      stanceFeatures(fv, e.view);
      m.logits(fv, logits);
      gold.push(STANCES.indexOf(e.label));
      rules.push(STANCES.indexOf(textStance(e.view.own)));
      model.push(STANCES.indexOf(withStrongCues(STANCE_CLASSES[argmax(logits, 4)]!, e.view.own)));
    }
  }
  const all = [0, 1, 2, 3];
  const rulesF1 = macroF1(gold, rules, 4, all);
  const modelF1 = macroF1(gold, model, 4, all);
  return { examples: ex.length, rulesF1, modelF1, model: modelF1 > rulesF1 ? fit(ex) : null };
}
