/**
 * A sparse feature vector of hashed bucket indices and values, reused across texts so that
 * extracting features allocates nothing once it has grown to its working size.
 */
export class FeatureVector {
  idx: Int32Array;
  val: Float32Array;
  n = 0;
  readonly mask: number;

  constructor(readonly bits: number, capacity = 1024) {
    this.mask = (1 << bits) - 1;
    this.idx = new Int32Array(capacity);
    this.val = new Float32Array(capacity);
  }

  reset(): void {
    this.n = 0;
  }

  /** Adds a feature by its (unmasked) hash. */
  add(hash: number, value = 1): void {
    if (this.n === this.idx.length) this.grow();
    this.idx[this.n] = hash & this.mask;
    this.val[this.n++] = value;
  }

  /** Scales the values added since `from` so that their squared sum is 1 (long texts do not shout). */
  normalise(from = 0): void {
    let ss = 0;
    for (let i = from; i < this.n; i++) ss += this.val[i]! * this.val[i]!;
    if (ss <= 0) return;
    const k = 1 / Math.sqrt(ss);
    for (let i = from; i < this.n; i++) this.val[i] = this.val[i]! * k;
  }

  private grow(): void {
    const idx = new Int32Array(this.idx.length * 2);
    idx.set(this.idx);
    const val = new Float32Array(this.val.length * 2);
    val.set(this.val);
    this.idx = idx;
    this.val = val;
  }
}
