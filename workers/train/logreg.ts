import { FeatureVector } from '../nlp/model/feature-vector.js';
import { LinearModel, softmax, type ModelHeader } from '../nlp/model/linear-model.js';
import { mulberry32, shuffleInPlace } from './rng.js';
import type { SparseDataset } from './sparse-dataset.js';

export interface LogRegOptions {
  /** log2 of the hashed buckets; must match the feature vectors'. */
  bits: number;
  classes: number;
  epochs: number;
  /** AdaGrad base learning rate. */
  lr: number;
  /** L2 strength, applied to the weights an example touches. */
  l2: number;
  seed: number;
  /** Multiplies each example's weight by its class's entry. */
  classWeights?: readonly number[];
  /**
   * Independent runs (shuffle seeds seed, seed + 7919, …) whose weights are averaged (default 1).
   * The average of linear models is one linear model, so this costs nothing when tagging; over
   * folds 2–9 four runs gave Weibo sentiment +0.3 points and SMP2020 emotion +0.25 macro-F1.
   */
  runs?: number;
}

/**
 * Multinomial logistic regression trained by AdaGrad over shuffled examples. Deterministic for a
 * given dataset, options and seed (one thread, a seeded shuffle).
 */
export function trainLogReg(ds: SparseDataset, o: LogRegOptions): { weights: Float32Array; bias: number[] } {
  const runs = o.runs ?? 1;
  if (runs <= 1) return trainOnce(ds, o);
  const sum = { weights: new Float32Array((1 << o.bits) * o.classes), bias: new Array<number>(o.classes).fill(0) };
  for (let r = 0; r < runs; r++) {
    const t = trainOnce(ds, { ...o, seed: o.seed + 7919 * r });
    for (let j = 0; j < sum.weights.length; j++) sum.weights[j] = sum.weights[j]! + t.weights[j]! / runs;
    for (let c = 0; c < o.classes; c++) sum.bias[c] = sum.bias[c]! + t.bias[c]! / runs;
  }
  return sum;
}

function trainOnce(ds: SparseDataset, o: LogRegOptions): { weights: Float32Array; bias: number[] } {
  const k = o.classes;
  const size = (1 << o.bits) * k;
  const w = new Float32Array(size);
  const g2 = new Float32Array(size);
  const b = new Float64Array(k);
  const gb = new Float64Array(k);
  const z = new Float64Array(k);
  const grad = new Float64Array(k);
  const order = new Int32Array(ds.n);
  for (let i = 0; i < ds.n; i++) order[i] = i;
  const rnd = mulberry32(o.seed);
  const eps = 1e-6;

  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffleInPlace(order, rnd);
    for (let t = 0; t < ds.n; t++) {
      const e = order[t]!;
      const from = ds.offsets[e]!;
      const to = ds.offsets[e + 1]!;
      const y = ds.y[e]!;
      const sw = ds.w[e]! * (o.classWeights ? o.classWeights[y]! : 1);
      if (sw === 0) continue;
      for (let c = 0; c < k; c++) z[c] = b[c]!;
      for (let i = from; i < to; i++) {
        const off = ds.idx[i]! * k;
        const v = ds.val[i]!;
        for (let c = 0; c < k; c++) z[c] = z[c]! + w[off + c]! * v;
      }
      softmax(z, k);
      for (let c = 0; c < k; c++) grad[c] = (z[c]! - (c === y ? 1 : 0)) * sw;
      for (let c = 0; c < k; c++) {
        const g = grad[c]!;
        gb[c] = gb[c]! + g * g;
        b[c] = b[c]! - (o.lr * g) / Math.sqrt(gb[c]! + eps);
      }
      for (let i = from; i < to; i++) {
        const off = ds.idx[i]! * k;
        const v = ds.val[i]!;
        for (let c = 0; c < k; c++) {
          const j = off + c;
          const g = grad[c]! * v + o.l2 * w[j]!;
          if (g === 0) continue;
          const acc = g2[j]! + g * g;
          g2[j] = acc;
          w[j] = w[j]! - (o.lr * g) / Math.sqrt(acc + eps);
        }
      }
    }
  }
  return { weights: w, bias: Array.from(b) };
}

/** Wraps trained weights as a model usable for prediction before it is written to disk. */
export function toModel(header: Omit<ModelHeader, 'bias'>, trained: { weights: Float32Array; bias: number[] }): LinearModel {
  return new LinearModel({ ...header, bias: trained.bias }, trained.weights);
}

/** Predicted class of every example in a dataset. */
export function predictDataset(model: LinearModel, ds: SparseDataset): Int32Array {
  const fv = new FeatureVector(model.header.bits, 16);
  const p = new Float64Array(model.k);
  const out = new Int32Array(ds.n);
  for (let e = 0; e < ds.n; e++) {
    exampleVector(ds, e, fv);
    model.logits(fv, p);
    let best = 0;
    for (let c = 1; c < model.k; c++) if (p[c]! > p[best]!) best = c;
    out[e] = best;
  }
  return out;
}

/** Points `fv` at example `e`'s features (no copy; do not add to it). */
export function exampleVector(ds: SparseDataset, e: number, fv: FeatureVector): FeatureVector {
  fv.idx = ds.idx.subarray(ds.offsets[e]!, ds.offsets[e + 1]!);
  fv.val = ds.val.subarray(ds.offsets[e]!, ds.offsets[e + 1]!);
  fv.n = fv.idx.length;
  return fv;
}
