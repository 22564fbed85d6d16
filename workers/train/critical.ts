import { perClass } from '../eval/metrics.js';
import { criticalProbability } from '../nlp/critical-model.js';
import { criticalViewOf, modelMayDecide, passesOn, rootCuesOf, tierOf, type CriticalTier } from '../nlp/critical-view.js';
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
  /** The (highest) threshold for texts naming no authority; null when none keeps the precision. */
  unnamedThreshold: number | null;
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
    const best = precisionFirst(gold, oof, labelled.map((x) => modelMayDecide(x.view)), minPrecision, labelled.map((x) => tierOf(x.view)));
    // Precision first: a model more precise than the rules is kept even when it finds less.
    const keep = best.f1 > rules.f1 || (best.r > 0 && best.p > rules.p && rules.p < minPrecision);
    out.push({ lang, examples: labelled.length, rules, model: best, threshold: best.threshold, judgedThreshold: best.judgedThreshold, unnamedThreshold: best.unnamedThreshold, trained: keep ? trainOn(labelled, o) : null });
  }
  return out;
}

/** Out-of-fold recall below which a precision level is given up for the next one down. */
const MIN_USEFUL_RECALL = 0.1;

/** Cross-validation folds over the trainable labels, by a hash of the text. */
const CV_FOLDS = 8;

/**
 * The thresholds an analyst can trust: texts where the rules find a judgement of a named authority
 * need the lower `judgedThreshold`, the rest that name one `threshold`. Of the pairs whose
 * out-of-fold precision reaches `minPrecision`, the one with the highest recall; when none does, or
 * its recall is below MIN_USEFUL_RECALL, the same at 0.05 and then 0.1 below it (English: too few
 * labels for 0.9), and only then the pair
 * with the best F0.5 (precision weighed twice as much as recall). Then texts naming no
 * authority: the lowest `unnamedThreshold` (never below `threshold`) that adds recall while the
 * precision over all texts stays at `minPrecision`; null when none does.
 */
export function precisionFirst(
  gold: readonly boolean[],
  p: ArrayLike<number>,
  eligible: readonly boolean[],
  minPrecision: number,
  tiers: readonly CriticalTier[] = [],
): { threshold: number; judgedThreshold: number; unnamedThreshold: number | null; p: number; r: number; f1: number } {
  const grid: number[] = [];
  for (let t = 0.1; t <= 0.951; t += 0.025) grid.push(Math.round(t * 1000) / 1000);
  const tier = (i: number): CriticalTier => tiers[i] ?? 'named';
  const predict = (t: number, tj: number, tu: number | null) =>
    gold.map((_, i) => eligible[i]! && (tier(i) === 'unnamed' ? tu !== null && p[i]! >= tu : p[i]! >= (tier(i) === 'judged' ? tj : t)));
  const levels = [minPrecision, minPrecision - 0.05, minPrecision - 0.1];
  const reached: ({ threshold: number; judgedThreshold: number; p: number; r: number; f1: number } | null)[] = levels.map(() => null);
  let fallback = { threshold: 0.5, judgedThreshold: 0.5, p: 0, r: 0, f1: 0, f05: -1 };
  for (const t of grid) {
    // 0: every text the rules find judging a named authority, whatever the model says.
    for (const tj of [0, ...grid]) {
      if (tj > t) break;
      const m = prf(gold, predict(t, tj, null));
      levels.forEach((level, k) => {
        if (m.p >= level && m.r > 0 && (!reached[k] || m.r > reached[k]!.r)) reached[k] = { threshold: t, judgedThreshold: tj, ...m };
      });
      const f05 = m.p + m.r ? (1.25 * m.p * m.r) / (0.25 * m.p + m.r) : 0;
      if (f05 > fallback.f05) fallback = { threshold: t, judgedThreshold: tj, ...m, f05 };
    }
  }
  // A filter that finds fewer than one critical text in ten is no use to an analyst: the next level
  // down is taken when it does (English at 0.9 found 3 % out of fold).
  const useful = reached.findIndex((r) => r !== null && r.r >= MIN_USEFUL_RECALL);
  const k = useful >= 0 ? useful : reached.findIndex((r) => r !== null);
  const { f05: _f05, ...rest } = fallback;
  if (k < 0) return { ...rest, unnamedThreshold: null };
  const named = reached[k]!;
  let best = { ...named, unnamedThreshold: null as number | null };
  for (const tu of [...grid, 0.975, 0.99].filter((x) => x >= named.threshold)) {
    const m = prf(gold, predict(named.threshold, named.judgedThreshold, tu));
    if (m.p >= levels[k]! && m.r > best.r) best = { ...named, ...m, unnamedThreshold: tu };
  }
  return best;
}

function dataset(xs: readonly Labelled[]) {
  const fv = new FeatureVector(CRITICAL_BITS, 1024);
  const b = new DatasetBuilder();
  // The model only ever sees texts the rules' exceptions let through.
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
