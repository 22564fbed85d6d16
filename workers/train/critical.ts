import { perClass } from '../eval/metrics.js';
import { criticalProbability } from '../nlp/critical-model.js';
import { criticalViewOf, modelMayDecide } from '../nlp/critical-view.js';
import { criticalFeatures, type CriticalView } from '../nlp/model/critical-features.js';
import { FeatureVector } from '../nlp/model/feature-vector.js';
import type { LinearModel } from '../nlp/model/linear-model.js';
import { ToneClassifier, type ToneModels } from '../nlp/tone.js';
import { prepareText } from '../nlp/tone-input.js';
import { toModel, trainLogReg, type LogRegOptions } from './logreg.js';
import { loadCriticalSet } from './own-labels.js';
import { DatasetBuilder } from './sparse-dataset.js';
import { foldOf, type Part } from './splits.js';

export const CRITICAL_BITS = 16;
export const CRITICAL_CLASSES = ['no', 'yes'] as const;

interface Labelled {
  view: CriticalView;
  critical: boolean;
  fold: number;
}

export interface CriticalTraining {
  lang: 'zh' | 'en';
  examples: number;
  /** Out-of-fold F1 over the trainable labels: the cue rules alone, and the model at its threshold. */
  rulesF1: number;
  modelF1: number;
  threshold: number;
  /** Trained on every trainable label; null when the model did not beat the rules out of fold. */
  model: { weights: Float32Array; bias: number[] } | null;
}

/**
 * Trains the `critical` model of each language on the project's own labels (README: Own
 * annotations), reading texts exactly as the tagger does (sentiment from `tone`'s models). The
 * probability threshold is the one with the best out-of-fold F1 over folds 2–9; a language's model
 * is kept only if that F1 beats the cue rules' own, otherwise the rules go on deciding.
 */
export async function trainCritical(dir: string, tone: ToneModels, held: readonly Part[], o: Omit<LogRegOptions, 'bits' | 'classes'>): Promise<CriticalTraining[]> {
  const classifier = new ToneClassifier(tone);
  const set = await loadCriticalSet(dir);
  const out: CriticalTraining[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const labelled: Labelled[] = [];
    for (const e of set) {
      if (e.lang !== lang || held.includes(e.part)) continue;
      const p = prepareText(e.text);
      const sentiment = classifier.classify(p.view, p.analysis !== 'und').sentiment;
      labelled.push({ view: criticalViewOf(p.view, sentiment, false), critical: e.critical, fold: foldOf(e.text.replace(/\s+/g, ' ').trim()) });
    }
    if (labelled.length === 0) continue;
    const oof = new Float64Array(labelled.length);
    for (let f = 2; f < 10; f++) {
      const model = fit(labelled.filter((x) => x.fold !== f), o);
      labelled.forEach((x, i) => {
        if (x.fold === f) oof[i] = probability(model, x.view);
      });
    }
    const gold = labelled.map((x) => x.critical);
    const rulesF1 = f1(gold, labelled.map((x) => x.view.rule));
    let best = { threshold: 0.5, f1: -1 };
    for (let t = 0.2; t <= 0.801; t += 0.05) {
      const score = f1(gold, labelled.map((x, i) => modelMayDecide(x.view) && oof[i]! >= t));
      if (score > best.f1) best = { threshold: Math.round(t * 100) / 100, f1: score };
    }
    const keep = best.f1 > rulesF1;
    out.push({ lang, examples: labelled.length, rulesF1, modelF1: best.f1, threshold: best.threshold, model: keep ? trainOn(labelled, o) : null });
  }
  return out;
}

function dataset(xs: readonly Labelled[]) {
  const fv = new FeatureVector(CRITICAL_BITS, 1024);
  const b = new DatasetBuilder();
  // The model only ever sees texts the gate and the rules' exceptions let through.
  for (const x of xs) {
    if (!modelMayDecide(x.view)) continue;
    criticalFeatures(fv, x.view);
    b.add(fv, x.critical ? 1 : 0);
  }
  return b.build();
}

function trainOn(xs: readonly Labelled[], o: Omit<LogRegOptions, 'bits' | 'classes'>) {
  return trainLogReg(dataset(xs), { ...o, bits: CRITICAL_BITS, classes: 2 });
}

function fit(xs: readonly Labelled[], o: Omit<LogRegOptions, 'bits' | 'classes'>): LinearModel {
  return toModel({ name: 'critical', classes: [...CRITICAL_CLASSES], bits: CRITICAL_BITS, meta: {} }, trainOn(xs, o));
}

const scratch = new FeatureVector(CRITICAL_BITS, 1024);
const probs = new Float64Array(2);
function probability(model: LinearModel, v: CriticalView): number {
  return modelMayDecide(v) ? criticalProbability(model, scratch, v, probs) : 0;
}

function f1(gold: readonly boolean[], pred: readonly boolean[]): number {
  return perClass(gold.map(Number), pred.map(Number), 2)[1]!.f1;
}
