import { describe, expect, it } from 'vitest';
import { accuracy, avgRecall, confusion, macroF1, perClass } from '../../../workers/eval/metrics.js';

// gold/pred over 3 classes, worked by hand:
//   class 0: gold 4 (idx 0-3), predicted 0 at 0,1,4 → tp 2, support 4, predicted 3 → P 2/3, R 1/2, F1 4/7
//   class 1: gold 3 (idx 4-6), predicted 1 at 2,5     → tp 1, support 3, predicted 2 → P 1/2, R 1/3, F1 2/5
//   class 2: gold 3 (idx 7-9), predicted 2 at 3,6,7,8,9 → tp 3, support 3, predicted 5 → P 3/5, R 1, F1 3/4
const gold = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
const pred = [0, 0, 1, 2, 0, 1, 2, 2, 2, 2];

describe('metrics', () => {
  it('confusion matrix', () => {
    expect(confusion(gold, pred, 3)).toEqual([
      [2, 1, 1],
      [1, 1, 1],
      [0, 0, 3],
    ]);
  });

  it('accuracy', () => {
    expect(accuracy(gold, pred)).toBeCloseTo(6 / 10, 12);
    expect(accuracy([], [])).toBe(0);
  });

  it('per-class precision, recall, F1', () => {
    const pc = perClass(gold, pred, 3);
    expect(pc[0]!.p).toBeCloseTo(2 / 3, 12);
    expect(pc[0]!.r).toBeCloseTo(1 / 2, 12);
    expect(pc[0]!.f1).toBeCloseTo(4 / 7, 12);
    expect(pc[1]!.f1).toBeCloseTo(2 / 5, 12);
    expect(pc[2]!.f1).toBeCloseTo(3 / 4, 12);
  });

  it('macro-F1 is the unweighted mean of the class F1s', () => {
    expect(macroF1(gold, pred, 3)).toBeCloseTo((4 / 7 + 2 / 5 + 3 / 4) / 3, 12);
    // restricted to classes 0 and 2
    expect(macroF1(gold, pred, 3, [0, 2])).toBeCloseTo((4 / 7 + 3 / 4) / 2, 12);
  });

  it('AvgRec is the mean recall over the three classes (SemEval 2017)', () => {
    expect(avgRecall(gold, pred, 3)).toBeCloseTo((1 / 2 + 1 / 3 + 1) / 3, 12);
  });

  it('a class never seen nor predicted does not count in macro-F1, but counts (as 0) in AvgRec', () => {
    expect(macroF1([0, 1], [0, 1], 3)).toBe(1);
    expect(avgRecall([0, 1], [0, 1], 3)).toBeCloseTo(2 / 3, 12);
  });

  it('rejects mismatched lengths', () => {
    expect(() => accuracy([0, 1], [0])).not.toThrow();
    expect(() => confusion([0, 1], [0], 2)).toThrow();
  });
});
