import { describe, expect, it } from 'vitest';
import { enWords, NaiveBayes, zhChars } from '../../../workers/train/naive-bayes.js';

describe('NaiveBayes baseline', () => {
  it('classifies by character evidence (zh)', () => {
    const nb = new NaiveBayes(2, zhChars);
    for (const t of ['太好了', '好开心', '真好']) nb.add(t, 1);
    for (const t of ['太差了', '差评', '真差劲']) nb.add(t, 0);
    expect(nb.predict('好')).toBe(1);
    expect(nb.predict('差')).toBe(0);
  });

  it('classifies by word evidence (en) and falls back to the prior for unknown words', () => {
    const nb = new NaiveBayes(2, enWords);
    nb.add('great job', 1);
    nb.add('awful', 0);
    nb.add('awful awful service', 0);
    expect(nb.predict('great')).toBe(1);
    expect(nb.predict('zzz')).toBe(0);
  });

  it('tokenises as documented', () => {
    expect(zhChars('好 的!')).toEqual(['好', '的', '!']);
    expect(enWords("Don't STOP 2day")).toEqual(["don't", 'stop', '2day']);
  });
});
