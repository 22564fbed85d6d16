import { describe, expect, it } from 'vitest';
import { normalise } from '../../../workers/nlp/normalise.js';
import { NORMALISE_CASES } from '../../fixtures/nlp/normalise-cases.js';

describe('normalise', () => {
  it.each(NORMALISE_CASES)('$name', ({ text, expect: want }) => {
    const got = normalise(text);
    for (const [key, value] of Object.entries(want)) expect(got[key as keyof typeof got], key).toEqual(value);
  });

  it('keeps chain texts out of the own-word extras', () => {
    const n = normalise('好[赞] //@甲: 坏[怒] #话题#');
    expect(n.emoticons).toEqual(['赞']);
    expect(n.hashtags).toEqual(['话题']);
    expect(n.chain).toEqual([{ user: '甲', text: '坏' }]);
  });

  it('returns empty parts for plain text', () => {
    expect(normalise('Hello World')).toEqual({
      own: 'hello world', chain: [], emoticons: [], emoji: [], hashtags: [], mentions: [], urls: [],
    });
  });
});
