import { describe, expect, it } from 'vitest';
import { outermostHits, PhraseMatcher } from '../../../workers/nlp/phrase-matcher.js';

describe('PhraseMatcher', () => {
  it('finds overlapping phrases in one pass', () => {
    const m = new PhraseMatcher(['电信诈骗', '诈骗', '信诈']);
    expect(m.findAll('小心电信诈骗').map((h) => h.id).sort()).toEqual([0, 1, 2]);
  });

  it('reports positions', () => {
    const m = new PhraseMatcher(['谣言']);
    expect(m.findAll('这是谣言，谣言')).toEqual([
      { id: 0, start: 2, end: 4 },
      { id: 0, start: 5, end: 7 },
    ]);
  });

  it('matches Latin phrases as whole words, plurals and * prefixes allowed', () => {
    const m = new PhraseMatcher(['rob', 'scam', 'hack*', 'fake news']);
    const ids = (t: string) => [...new Set(m.findAll(t).map((h) => h.id))].sort();
    expect(ids('a problem here')).toEqual([]);
    expect(ids('rob the bank')).toEqual([0]);
    expect(ids('new scams today')).toEqual([1]);
    expect(ids('scampi for dinner')).toEqual([]);
    expect(ids('hackers again')).toEqual([2]);
    expect(ids('that is fake news!')).toEqual([3]);
    expect(ids('警方打击scam团伙')).toEqual([1]);
  });

  it('follows failure links across partial matches', () => {
    const m = new PhraseMatcher(['甲乙丙丁', '乙丙戊']);
    expect(m.findAll('子甲乙丙戊').map((h) => h.id)).toEqual([1]);
  });

  it('keeps only the outermost of nested hits', () => {
    const m = new PhraseMatcher(['是不是谣言', '不是谣言', '谣言']);
    expect(outermostHits(m.findAll('是不是谣言')).map((h) => h.id)).toEqual([0]);
    expect(outermostHits(m.findAll('不是谣言，谣言')).map((h) => h.id)).toEqual([1, 2]);
  });
});
