import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Mention } from '../../shared/contracts/mention.js';
import type { Stance } from '../../shared/contracts/tags.js';
import { createTagger, type Tagger } from '../nlp/tagger.js';
import { emptySignals, observe, type RumourObservation } from '../rumour/accumulate.js';
import { clampZ, contributions } from '../rumour/assess.js';
import { FEATURES, featureValues, type FeatureName } from '../rumour/features.js';
import { textGrams } from '../rumour/grams.js';
import { compileModel, type RumourModel, type RumourModelFile } from '../rumour/model.js';
import { createThreadCollector } from '../rumour/threads.js';
import { fitLogistic } from './rumour-logreg.js';
import { cedThreads, type LabelledThread } from './rumour-data.js';
import { auc, precisionRecall, thresholdForPrecision } from './rumour-metrics.js';

/**
 * Trains the rumour model on the CED Weibo threads, folds 2–9 (folds 0–1 are never used for any
 * choice; they are scored once at the end for the record):
 * 1. character-gram naive-Bayes wording models for roots and for replies (cross-fitted: each
 *    training fold's wording scores come from models that did not see it);
 * 2. the signal features of every training thread after its first 0, 2, 5, 10, 20 and 40
 *    replies, so one model serves any amount of evidence, from a bare post on;
 * 3. a logistic regression over the standardised features, and the needsClarification threshold:
 *    the lowest whose out-of-fold precision at 10 and 40 replies reaches `targetPrecision`.
 */
export interface RumourTrainOptions {
  /** Naive-Bayes smoothing. */
  alpha: number;
  /** A gram must occur in at least this many training documents. */
  minDf: number;
  /** Grams kept per wording model (largest |ratio| × √df first). */
  maxGrams: number;
  l2: number;
  prefixes: number[];
  minResponses: number;
  /**
   * needsClarification's threshold is the lowest score whose out-of-fold precision reaches this:
   * a flag costs an officer's time, and live traffic holds far fewer rumours than CED's 45%.
   */
  targetPrecision: number;
  /** Features the regression uses (ablations drop some). */
  features: readonly FeatureName[];
}

export const DEFAULT_RUMOUR_TRAIN: RumourTrainOptions = {
  alpha: 1,
  minDf: 3,
  maxGrams: 40_000,
  l2: 2,
  prefixes: [0, 2, 5, 10, 20, 40],
  minResponses: 10,
  targetPrecision: 0.98,
  features: FEATURES,
};

const MAX_REPLIES = 40;
const TEST_FOLDS = 2;

export interface CollectedThread {
  thread: LabelledThread;
  root?: RumourObservation;
  responses: RumourObservation[];
}

/** Tags every thread once (first `maxReplies` replies) into observations, through the CLI's collector. */
export function collectThreads(
  threads: readonly LabelledThread[],
  tagger: Tagger = createTagger(),
  maxReplies = MAX_REPLIES,
  stanceOf?: (m: Mention) => Stance | undefined,
): CollectedThread[] {
  const collector = createThreadCollector({ tagger, maxReplies, ...(stanceOf ? { stanceOf } : {}) });
  return threads.map((thread) => {
    const out: CollectedThread = { thread, responses: [] };
    for (const m of thread.mentions) {
      const t = collector.add(m);
      if (!t) continue;
      if (t.obs.startsThread && !out.root) out.root = t.obs;
      else out.responses.push(t.obs);
    }
    return out;
  });
}

/** Bernoulli naive-Bayes log-count ratios of grams, pruned to the most telling `maxGrams`. */
export function trainGramWeights(
  docs: Iterable<{ text: string; y: 0 | 1 }>,
  o: Pick<RumourTrainOptions, 'alpha' | 'minDf' | 'maxGrams'>,
): Record<string, number> {
  const pos = new Map<string, number>();
  const neg = new Map<string, number>();
  let nPos = 0;
  let nNeg = 0;
  for (const d of docs) {
    if (d.text === '') continue;
    const counts = d.y === 1 ? pos : neg;
    if (d.y === 1) nPos++;
    else nNeg++;
    for (const g of textGrams(d.text)) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const rows: [string, number, number][] = [];
  for (const g of new Set([...pos.keys(), ...neg.keys()])) {
    const a = pos.get(g) ?? 0;
    const b = neg.get(g) ?? 0;
    if (a + b < o.minDf) continue;
    const r = Math.log((a + o.alpha) / (nPos + 2 * o.alpha)) - Math.log((b + o.alpha) / (nNeg + 2 * o.alpha));
    rows.push([g, r, Math.abs(r) * Math.sqrt(a + b)]);
  }
  rows.sort((x, y) => y[2] - x[2] || (x[0] < y[0] ? -1 : 1));
  const out: Record<string, number> = {};
  for (const [g, r] of rows.slice(0, o.maxGrams)) out[g] = Math.round(r * 1000) / 1000;
  return out;
}

function wordingOnlyModel(rootGrams: Record<string, number>, replyGrams: Record<string, number>): RumourModel {
  return compileModel({
    version: 1, features: [], mean: [], std: [], weights: [], bias: 0, threshold: 1, minResponses: 0,
    rootGrams, replyGrams, trainedOn: '', metrics: {},
  });
}

type Snapshot = Record<FeatureName, number | null>;

/** Feature values of a thread after its first n responses, for each n in `prefixes`. */
export function snapshots(ct: CollectedThread, model: RumourModel, prefixes: readonly number[]): Map<number, Snapshot> {
  const s = emptySignals(ct.root?.at ?? ct.responses[0]?.at ?? 0);
  if (ct.root) observe(s, ct.root, model);
  const out = new Map<number, Snapshot>();
  const wanted = [...prefixes].sort((a, b) => a - b);
  let next = 0;
  for (let i = 0; i <= ct.responses.length; i++) {
    while (next < wanted.length && (i === wanted[next] || i === ct.responses.length)) out.set(wanted[next++]!, featureValues(s));
    if (i < ct.responses.length) observe(s, ct.responses[i]!, model);
  }
  return out;
}

interface Rows {
  X: (number | null)[][];
  y: number[];
  prefix: number[];
}

function gramDocs(threads: readonly CollectedThread[]) {
  return {
    roots: threads.map((t) => ({ text: t.root?.own ?? '', y: t.thread.label })),
    replies: threads.flatMap((t) => t.responses.map((r) => ({ text: r.own, y: t.thread.label }))),
  };
}

function rowsFor(threads: readonly CollectedThread[], model: RumourModel, prefixes: readonly number[], features: readonly FeatureName[]): Rows {
  const rows: Rows = { X: [], y: [], prefix: [] };
  for (const t of threads) {
    for (const [p, snap] of snapshots(t, model, prefixes)) {
      rows.X.push(features.map((f) => snap[f]));
      rows.y.push(t.thread.label);
      rows.prefix.push(p);
    }
  }
  return rows;
}

function standardise(X: (number | null)[][], d: number): { mean: number[]; std: number[]; Z: number[][] } {
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  const n = new Array<number>(d).fill(0);
  for (const x of X) x.forEach((v, j) => v !== null && Number.isFinite(v) && ((mean[j]! += v), n[j]!++));
  for (let j = 0; j < d; j++) mean[j] = n[j] ? mean[j]! / n[j]! : 0;
  for (const x of X) x.forEach((v, j) => v !== null && Number.isFinite(v) && (std[j]! += (v - mean[j]!) ** 2));
  for (let j = 0; j < d; j++) std[j] = n[j]! > 1 ? Math.sqrt(std[j]! / (n[j]! - 1)) || 1 : 1;
  const Z = X.map((x) => x.map((v, j) => (v === null || !Number.isFinite(v) ? 0 : clampZ((v - mean[j]!) / std[j]!))));
  return { mean, std, Z };
}

export interface RumourTrainReport {
  file: string;
  bytes: number;
  metrics: Record<string, number>;
}

/**
 * Rebuilds workers/models/rumour-model.json.gz (or `outDir`/rumour-model.json.gz) from
 * `datasetsDir`. Deterministic: same data, same tagger, same file.
 */
export async function trainRumourModel(datasetsDir: string, outDir: string, opts: Partial<RumourTrainOptions> = {}): Promise<RumourTrainReport> {
  const o = { ...DEFAULT_RUMOUR_TRAIN, ...opts };
  const all = await cedThreads(datasetsDir);
  if (all.length === 0) throw new Error(`no CED threads in ${datasetsDir}`);
  const collected = collectThreads(all);
  const train = collected.filter((t) => t.thread.fold >= TEST_FOLDS);
  const test = collected.filter((t) => t.thread.fold < TEST_FOLDS);

  // 1–2. Out-of-fold features: each training fold is described by wording models trained without it.
  const folds = [...new Set(train.map((t) => t.thread.fold))].sort((a, b) => a - b);
  const oof: Rows = { X: [], y: [], prefix: [] };
  for (const f of folds) {
    const others = gramDocs(train.filter((t) => t.thread.fold !== f));
    const m = wordingOnlyModel(trainGramWeights(others.roots, o), trainGramWeights(others.replies, o));
    const r = rowsFor(train.filter((t) => t.thread.fold === f), m, o.prefixes, o.features);
    oof.X.push(...r.X);
    oof.y.push(...r.y);
    oof.prefix.push(...r.prefix);
  }

  // 3. The regression and its threshold.
  const d = o.features.length;
  const { mean, std, Z } = standardise(oof.X, d);
  const { weights, bias } = fitLogistic(Z, oof.y, o.l2);
  const oofScores = Z.map((z) => 1 / (1 + Math.exp(-(bias + z.reduce((s, v, j) => s + v * weights[j]!, 0)))));
  const at = (p: number) => oof.prefix.map((x, i) => (x === p ? i : -1)).filter((i) => i >= 0);
  const at10 = at(10);
  const at40 = at(40);
  const pick = [...at10, ...at40];
  const { threshold } = thresholdForPrecision(pick.map((i) => oof.y[i]!), pick.map((i) => oofScores[i]!), o.targetPrecision);

  const docs = gramDocs(train);
  const file: RumourModelFile = {
    version: 1,
    features: [...o.features],
    mean: mean.map((v) => Math.round(v * 1e5) / 1e5),
    std: std.map((v) => Math.round(v * 1e5) / 1e5),
    weights: weights.map((v) => Math.round(v * 1e4) / 1e4),
    bias: Math.round(bias * 1e4) / 1e4,
    threshold: Math.round(threshold * 1e4) / 1e4,
    minResponses: o.minResponses,
    rootGrams: trainGramWeights(docs.roots, o),
    replyGrams: trainGramWeights(docs.replies, o),
    trainedOn: 'CED Weibo rumour threads (thunlp/Chinese_Rumor_Dataset, Song et al. 2018), folds 2-9 by thread; first 5/10/20/40 replies',
    metrics: {},
  };
  const model = compileModel(file);

  // For the record only (no choice above looked at it): the held-out folds through the final model.
  const metrics: Record<string, number> = {
    oofAuc10: auc(at10.map((i) => oof.y[i]!), at10.map((i) => oofScores[i]!)),
    oofAuc40: auc(at40.map((i) => oof.y[i]!), at40.map((i) => oofScores[i]!)),
  };
  for (const p of [10, 40]) {
    const ys: number[] = [];
    const ss: number[] = [];
    for (const t of test) {
      const snap = snapshots(t, model, [p]).get(p)!;
      const { logit } = contributions(model, snap);
      ys.push(t.thread.label);
      ss.push(1 / (1 + Math.exp(-logit)));
    }
    metrics[`testAuc${p}`] = auc(ys, ss);
    const pr = precisionRecall(ys, ss.map((s) => s >= file.threshold));
    metrics[`testPrecision${p}`] = pr.precision;
    metrics[`testRecall${p}`] = pr.recall;
  }
  file.metrics = Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, Math.round(v * 1e4) / 1e4]));

  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, 'rumour-model.json.gz');
  const buf = gzipSync(Buffer.from(JSON.stringify(file)), { level: 9 });
  writeFileSync(out, buf);
  return { file: out, bytes: buf.length, metrics: file.metrics };
}
