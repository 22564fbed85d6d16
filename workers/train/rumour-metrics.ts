/** Ranking and threshold metrics for the rumour score (shared by training and `yuqing eval`). */

/** Area under the ROC curve (ties count half); NaN when one class is missing. */
export function auc(labels: readonly number[], scores: readonly number[]): number {
  const idx = labels.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]!] === 1) {
        pos++;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

export function precisionRecall(labels: readonly number[], flagged: readonly boolean[]): PrecisionRecall {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  labels.forEach((y, i) => {
    if (flagged[i] && y === 1) tp++;
    else if (flagged[i]) fp++;
    else if (y === 1) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** The threshold on `scores` that maximises F1 (midway between neighbouring distinct scores). */
export function bestF1Threshold(labels: readonly number[], scores: readonly number[]): { threshold: number; f1: number } {
  const idx = labels.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const positives = labels.filter((y) => y === 1).length;
  let tp = 0;
  let flagged = 0;
  let best = { threshold: 1, f1: 0 };
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    flagged++;
    if (labels[i] === 1) tp++;
    const next = idx[k + 1];
    // Only a cut between two different scores is a threshold anyone can apply.
    if (next !== undefined && scores[next] === scores[i]) continue;
    const f1 = (2 * tp) / (flagged + positives);
    if (f1 > best.f1) best = { threshold: next === undefined ? scores[i]! : (scores[i]! + scores[next]!) / 2, f1 };
  }
  return best;
}

/** The lowest threshold whose precision on (labels, scores) is at least `target` (max-F1 when none reaches it). */
export function thresholdForPrecision(labels: readonly number[], scores: readonly number[], target: number): { threshold: number; precision: number; recall: number } {
  const idx = labels.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const positives = labels.filter((y) => y === 1).length;
  let tp = 0;
  let flagged = 0;
  let best: { threshold: number; precision: number; recall: number } | undefined;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    flagged++;
    if (labels[i] === 1) tp++;
    const next = idx[k + 1];
    if (next !== undefined && scores[next] === scores[i]) continue;
    const precision = tp / flagged;
    // Keep going down while precision holds: the last cut that holds it has the most recall.
    if (precision >= target && flagged >= 20) {
      best = { threshold: next === undefined ? scores[i]! : (scores[i]! + scores[next]!) / 2, precision, recall: positives ? tp / positives : 0 };
    }
  }
  if (best) return best;
  const f = bestF1Threshold(labels, scores);
  const pr = precisionRecall(labels, scores.map((s) => s >= f.threshold));
  return { threshold: f.threshold, precision: pr.precision, recall: pr.recall };
}
