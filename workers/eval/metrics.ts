/**
 * Classification metrics over integer labels 0..k-1. Pure functions; hand-checked in tests.
 * Classes with no gold and no predicted example are left out of macro averages.
 */
export function confusion(gold: ArrayLike<number>, pred: ArrayLike<number>, k: number): number[][] {
  if (gold.length !== pred.length) throw new Error('gold and predictions differ in length');
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < gold.length; i++) m[gold[i]!]![pred[i]!]!++;
  return m;
}

export function accuracy(gold: ArrayLike<number>, pred: ArrayLike<number>): number {
  if (gold.length === 0) return 0;
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++;
  return ok / gold.length;
}

/** Per-class precision, recall and F1 (0 where undefined). */
export function perClass(gold: ArrayLike<number>, pred: ArrayLike<number>, k: number): { p: number; r: number; f1: number; support: number; predicted: number }[] {
  const m = confusion(gold, pred, k);
  return m.map((row, c) => {
    const tp = row[c]!;
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = m.reduce((a, r) => a + r[c]!, 0);
    const p = predicted ? tp / predicted : 0;
    const r = support ? tp / support : 0;
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, support, predicted };
  });
}

/** Unweighted mean F1 over the classes that occur in gold or predictions (or over `classes` when given). */
export function macroF1(gold: ArrayLike<number>, pred: ArrayLike<number>, k: number, classes?: readonly number[]): number {
  const pc = perClass(gold, pred, k);
  const use = classes ?? pc.map((_, c) => c).filter((c) => pc[c]!.support > 0 || pc[c]!.predicted > 0);
  if (use.length === 0) return 0;
  return use.reduce((a, c) => a + pc[c]!.f1, 0) / use.length;
}

/** Macro-averaged recall (SemEval's AvgRec) over the given classes (default: all k). */
export function avgRecall(gold: ArrayLike<number>, pred: ArrayLike<number>, k: number, classes?: readonly number[]): number {
  const pc = perClass(gold, pred, k);
  const use = classes ?? pc.map((_, c) => c);
  return use.reduce((a, c) => a + pc[c]!.r, 0) / use.length;
}
