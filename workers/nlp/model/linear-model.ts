import type { FeatureVector } from './feature-vector.js';

/** What a model file says about itself besides its weights. */
export interface ModelHeader {
  name: string;
  /** Class labels in weight order. */
  classes: string[];
  /** log2 of the number of hashed buckets. */
  bits: number;
  bias: number[];
  /** Training facts for the README and `yuqing eval` (corpora, sizes, hyper-parameters, seed). */
  meta: Record<string, unknown>;
}

/**
 * A multinomial logistic-regression model over hashed features. Weights are bucket-major
 * (`w[bucket * K + k]`) so the K weights of one feature sit in one cache line.
 */
export class LinearModel {
  readonly k: number;

  /**
   * @param weights float weights (fresh from training) or int8 ones as loaded from a model file,
   *   which keep the models 4× smaller in memory and cache (the hot path is memory-bound).
   * @param scale what one int8 unit is worth (1 for float weights).
   */
  constructor(
    readonly header: ModelHeader,
    readonly weights: Float32Array | Int8Array,
    readonly scale = 1,
  ) {
    this.k = header.classes.length;
    if (weights.length !== (1 << header.bits) * this.k) throw new Error(`model ${header.name}: weight size does not match its header`);
  }

  /** Class scores (logits) into `out` (length ≥ K). The common class counts get unrolled loops (hot path). */
  logits(fv: FeatureVector, out: Float64Array): void {
    const k = this.k;
    const w = this.weights;
    const bias = this.header.bias;
    const scale = this.scale;
    for (let c = 0; c < k; c++) out[c] = 0;
    const { idx, val, n } = fv;
    if (k === 3) {
      let a = out[0]!, b = out[1]!, c = out[2]!;
      for (let i = 0; i < n; i++) {
        const o = idx[i]! * 3;
        const v = val[i]!;
        a += w[o]! * v;
        b += w[o + 1]! * v;
        c += w[o + 2]! * v;
      }
      out[0] = a;
      out[1] = b;
      out[2] = c;
      finishLogits(out, 3, scale, bias);
      return;
    }
    if (k === 7) {
      let a = out[0]!, b = out[1]!, c = out[2]!, d = out[3]!, e = out[4]!, f = out[5]!, g = out[6]!;
      for (let i = 0; i < n; i++) {
        const o = idx[i]! * 7;
        const v = val[i]!;
        a += w[o]! * v;
        b += w[o + 1]! * v;
        c += w[o + 2]! * v;
        d += w[o + 3]! * v;
        e += w[o + 4]! * v;
        f += w[o + 5]! * v;
        g += w[o + 6]! * v;
      }
      out[0] = a;
      out[1] = b;
      out[2] = c;
      out[3] = d;
      out[4] = e;
      out[5] = f;
      out[6] = g;
      finishLogits(out, 7, scale, bias);
      return;
    }
    // Other class counts: four classes per pass over the features, in registers.
    for (let c0 = 0; c0 < k; c0 += 4) {
      const m = Math.min(4, k - c0);
      let a = 0, b = 0, c = 0, d = 0;
      for (let i = 0; i < n; i++) {
        const o = idx[i]! * k + c0;
        const v = val[i]!;
        a += w[o]! * v;
        if (m > 1) b += w[o + 1]! * v;
        if (m > 2) c += w[o + 2]! * v;
        if (m > 3) d += w[o + 3]! * v;
      }
      out[c0] = a;
      if (m > 1) out[c0 + 1] = b;
      if (m > 2) out[c0 + 2] = c;
      if (m > 3) out[c0 + 3] = d;
    }
    finishLogits(out, k, scale, bias);
  }

  /** Class probabilities into `out` (softmax of the logits). */
  probabilities(fv: FeatureVector, out: Float64Array): void {
    this.logits(fv, out);
    softmax(out, this.k);
  }
}

function finishLogits(out: Float64Array, k: number, scale: number, bias: readonly number[]): void {
  for (let c = 0; c < k; c++) out[c] = out[c]! * scale + bias[c]!;
}

export function softmax(out: Float64Array, k: number): void {
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (out[c]! > max) max = out[c]!;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp(out[c]! - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < k; c++) out[c] = out[c]! / sum;
}

export function argmax(p: ArrayLike<number>, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (p[c]! > p[best]!) best = c;
  return best;
}
