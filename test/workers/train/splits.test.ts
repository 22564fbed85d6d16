import { describe, expect, it } from 'vitest';
import { foldOf, partOf, partOfFold } from '../../../workers/train/splits.js';

describe('fixed split', () => {
  it('is stable for a key and spreads keys over ten folds', () => {
    expect(foldOf('网传东湖区有人抢孩子')).toBe(foldOf('网传东湖区有人抢孩子'));
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 5000; i++) counts[foldOf(`text ${i}`)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(400);
  });

  it('maps folds 0-1 to test, 2 to dev, the rest to train', () => {
    expect([0, 1, 2, 3, 9].map(partOfFold)).toEqual(['test', 'test', 'dev', 'train', 'train']);
    expect(partOf('x')).toBe(partOfFold(foldOf('x')));
  });
});
