import { perClass } from '../eval/metrics.js';
import { criticalProbability } from '../nlp/critical-model.js';
import { criticalViewOf, judgedByRule, modelMayDecide, passesOn, rootCuesOf } from '../nlp/critical-view.js';
import { criticalFeatures, type CriticalView } from '../nlp/model/critical-features.js';
import { FeatureVector } from '../nlp/model/feature-vector.js';
import type { LinearModel } from '../nlp/model/linear-model.js';
import { ToneClassifier, type ToneModels } from '../nlp/tone.js';
import { prepareText } from '../nlp/tone-input.js';
import { toModel, trainLogReg, type LogRegOptions } from './logreg.js';
import { loadCriticalSet, type CriticalExample } from './own-labels.js';
import { hash32 } from '../../shared/util/hash.js';
import { DatasetBuilder } from './sparse-dataset.js';
import type { Part } from './splits.js';

export const CRITICAL_BITS = 18;
export const CRITICAL_CLASSES = ['no', 'yes'] as const;

interface Labelled {
  view: CriticalView;
  critical: boolean;
  fold: number;
}

export interface CriticalTraining {
  lang: 'zh' | 'en';
  examples: number;
  /** Out-of-fold precision, recall and F1 over the trainable labels: the cue rules alone, and the model at its threshold. */
  rules: { p: number; r: number; f1: number };
  model: { p: number; r: number; f1: number };
  threshold: number;
  /** The (lower) threshold for texts where the rules find a judgement of a named authority. */
  judgedThreshold: number;
  /** Trained on every trainable label; null when the model did not beat the rules out of fold. */
  trained: { weights: Float32Array; bias: number[] } | null;
}

/**
 * Trains the `critical` model of each language on the project's own labels (README: Own
 * annotations), reading texts exactly as the tagger does (sentiment from `tone`'s models). The
 * probability threshold is the one with the best out-of-fold F1 over folds 2–9; a language's model
 * is kept only if that F1 beats the cue rules' own, otherwise the rules go on deciding.
 */
export async function trainCritical(
  dir: string,
  tone: ToneModels,
  held: readonly Part[],
  o: Omit<LogRegOptions, 'bits' | 'classes'>,
  minPrecision: number,
  extra: readonly CriticalExample[] = [],
): Promise<CriticalTraining[]> {
  const classifier = new ToneClassifier(tone);
  const set = [...(await loadCriticalSet(dir)), ...extra];
  const out: CriticalTraining[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const labelled: Labelled[] = [];
    for (const e of set) {
      if (e.lang !== lang || held.includes(e.part)) continue;
      const p = prepareText(e.text);
      const sentiment = classifier.classify(p.view, p.analysis !== 'und').sentiment;
      // As the tagger reads it: a reply that only agrees is judged by its root's words.
      const view = e.root !== undefined && passesOn(p.forwardOnly ? '' : p.n.own) ? prepareText(e.root).view : p.view;
      labelled.push({ view: criticalViewOf(view, sentiment, false, e.root === undefined ? 0 : rootCuesOf(e.root)), critical: e.critical, fold: hash32(`cv:${e.text}`) % CV_FOLDS });
    }
    if (labelled.length === 0) continue;
    const oof = new Float64Array(labelled.length);
    for (let f = 0; f < CV_FOLDS; f++) {
      const model = fit(labelled.filter((x) => x.fold !== f), o);
      labelled.forEach((x, i) => {
        if (x.fold === f) oof[i] = probability(model, x.view);
      });
    }
    const gold = labelled.map((x) => x.critical);
    const rules = prf(gold, labelled.map((x) => x.view.rule));
    const best = precisionFirst(gold, oof, labelled.map((x) => modelMayDecide(x.view)), minPrecision, labelled.map((x) => modelMayDecide(x.view) && judgedByRule(x.view)));
    const keep = best.f1 > rules.f1 || (best.p >= minPrecision && best.r > 0 && rules.p < minPrecision);
    out.push({ lang, examples: labelled.length, rules, model: best, threshold: best.threshold, judgedThreshold: best.judgedThreshold, trained: keep ? trainOn(labelled, o) : null });
  }
  return out;
}

/** Cross-validation folds over the trainable labels, by a hash of the text. */
const CV_FOLDS = 8;

/**
 * The thresholds an analyst can trust: texts where the rules find a judgement of a named authority
 * (`judged`) need the lower `judgedThreshold`, the rest `threshold`. Of the pairs whose
 * out-of-fold precision reaches `minPrecision`, the one with the highest recall; when none does,
 * the pair with the best F0.5 (precision weighed twice as much as recall).
 */
export function precisionFirst(
  gold: readonly boolean[],
  p: ArrayLike<number>,
  eligible: readonly boolean[],
  minPrecision: number,
  judged: readonly boolean[] = [],
): { threshold: number; judgedThreshold: number; p: number; r: number; f1: number } {
  const grid: number[] = [];
  for (let t = 0.1; t <= 0.951; t += 0.025) grid.push(Math.round(t * 1000) / 1000);
  let reached: { threshold: number; judgedThreshold: number; p: number; r: number; f1: number } | null = null;
  let fallback = { threshold: 0.5, judgedThreshold: 0.5, p: 0, r: 0, f1: 0, f05: -1 };
  for (const t of grid) {
    for (const tj of grid) {
      if (tj > t) break;
      const m = prf(gold, gold.map((_, i) => eligible[i]! && p[i]! >= (judged[i] === true ? tj : t)));
      if (m.p >= minPrecision && m.r > 0 && (!reached || m.r > reached.r)) reached = { threshold: t, judgedThreshold: tj, ...m };
      const f05 = m.p + m.r ? (1.25 * m.p * m.r) / (0.25 * m.p + m.r) : 0;
      if (f05 > fallback.f05) fallback = { threshold: t, judgedThreshold: tj, ...m, f05 };
    }
  }
  if (reached) return reached;
  const { f05: _f05, ...rest } = fallback;
  return rest;
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

function prf(gold: readonly boolean[], pred: readonly boolean[]): { p: number; r: number; f1: number } {
  const { p, r, f1 } = perClass(gold.map(Number), pred.map(Number), 2)[1]!;
  return { p, r, f1 };
}
