import type { FeatureVector } from '../nlp/model/feature-vector.js';

/** Training examples as compressed sparse rows: features of example i are [offsets[i], offsets[i+1]). */
export interface SparseDataset {
  n: number;
  offsets: Int32Array;
  idx: Int32Array;
  val: Float32Array;
  y: Int32Array;
  /** Per-example weight (class or corpus weighting). */
  w: Float32Array;
}

export class DatasetBuilder {
  private idx: number[] = [];
  private val: number[] = [];
  private offsets: number[] = [0];
  private y: number[] = [];
  private w: number[] = [];

  add(fv: FeatureVector, label: number, weight = 1): void {
    for (let i = 0; i < fv.n; i++) {
      this.idx.push(fv.idx[i]!);
      this.val.push(fv.val[i]!);
    }
    this.offsets.push(this.idx.length);
    this.y.push(label);
    this.w.push(weight);
  }

  get size(): number {
    return this.y.length;
  }

  build(): SparseDataset {
    return {
      n: this.y.length,
      offsets: Int32Array.from(this.offsets),
      idx: Int32Array.from(this.idx),
      val: Float32Array.from(this.val),
      y: Int32Array.from(this.y),
      w: Float32Array.from(this.w),
    };
  }
}

/** Weights that make every class count as if it had `n / K` examples, softened by `power` (0: none, 1: full balance). */
export function balancedClassWeights(y: Int32Array, k: number, power: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (const c of y) counts[c]!++;
  const n = y.length;
  return counts.map((c) => (c === 0 ? 0 : Math.pow(n / (k * c), power)));
}
