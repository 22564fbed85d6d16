/**
 * The plain baseline of the issue: multinomial naive Bayes with add-one smoothing over characters
 * (Chinese) or lower-cased words (English), no other features. Trained on the same training
 * portion as the models it is compared with.
 */
export type NbTokens = (text: string) => string[];

export const zhChars: NbTokens = (text) => [...text].filter((c) => c.trim() !== '');
export const enWords: NbTokens = (text) => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];

export class NaiveBayes {
  private readonly counts: Map<string, number>[];
  private readonly totals: number[];
  private readonly docs: number[];
  private readonly vocab = new Set<string>();

  constructor(
    readonly k: number,
    private readonly tokens: NbTokens,
  ) {
    this.counts = Array.from({ length: k }, () => new Map<string, number>());
    this.totals = new Array<number>(k).fill(0);
    this.docs = new Array<number>(k).fill(0);
  }

  add(text: string, label: number): void {
    this.docs[label]!++;
    const m = this.counts[label]!;
    for (const t of this.tokens(text)) {
      m.set(t, (m.get(t) ?? 0) + 1);
      this.totals[label]!++;
      this.vocab.add(t);
    }
  }

  predict(text: string): number {
    const toks = this.tokens(text);
    const n = this.docs.reduce((a, b) => a + b, 0);
    const v = this.vocab.size;
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < this.k; c++) {
      if (this.docs[c] === 0) continue;
      let s = Math.log(this.docs[c]! / n);
      const m = this.counts[c]!;
      const denom = Math.log(this.totals[c]! + v);
      for (const t of toks) s += Math.log((m.get(t) ?? 0) + 1) - denom;
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    return best;
  }
}
