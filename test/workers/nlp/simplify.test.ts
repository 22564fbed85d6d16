import { describe, expect, it } from 'vitest';
import { toHalfWidth, toSimplified } from '../../../workers/nlp/simplify.js';

describe('toSimplified', () => {
  it.each([
    ['這個消息是謠言嗎', '这个消息是谣言吗'],
    ['警察已經闢謠', '警察已经辟谣'],
    ['臺灣', '台湾'],
    ['乾隆皇帝', '乾隆皇帝'], // a phrase the converter knows is not 干隆
    ['网传消息已辟谣', '网传消息已辟谣'], // already simplified: returned as is
    ['mixed 謠言 text', 'mixed 谣言 text'],
  ])('%s → %s', (text, want) => {
    expect(toSimplified(text)).toBe(want);
  });
});

describe('toHalfWidth', () => {
  it('converts full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('ＡＢＣ１２３！？，：　／＠')).toBe('ABC123!?,: /@');
  });
  it('returns other text unchanged', () => {
    const s = '中文。、“引号”';
    expect(toHalfWidth(s)).toBe(s);
  });
});
