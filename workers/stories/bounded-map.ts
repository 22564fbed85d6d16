/**
 * Two-generation map: lookups check the young generation then the old one (promoting hits); when
 * the young one is full it becomes the old one and the previous old one is dropped. Least-recently
 * used entries go first, in O(1) and without per-entry bookkeeping.
 */
export class BoundedMap<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  /** Holds between `generation` and 2 × `generation` entries once full. */
  constructor(private readonly generation: number) {}

  get(key: string): V | undefined {
    const y = this.young.get(key);
    if (y !== undefined) return y;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, value: V): void {
    if (!this.young.has(key) && this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
