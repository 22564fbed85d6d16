import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeEnglish } from '../../../workers/nlp/segment.js';

describe('segmentChinese', () => {
  it.each([
    ['网传公检法已经辟谣', ['网传', '公检法', '辟谣']],
    ['他被刑事拘留了', ['刑事拘留']],
    ['吃瓜群众蚌埠住了', ['吃瓜群众', '蚌埠住了']],
    ['网安提醒反诈：小心电信诈骗', ['网安', '反诈', '电信诈骗']],
    ['真的假的？是真的吗？求证', ['真的假的', '是真的吗', '求证']],
    ['绝绝子yyds破防了6666', ['绝绝子', 'yyds', '破防了', '6666']],
    ['派出所不作为踢皮球', ['派出所', '不作为', '踢皮球']],
    ['太难了，无语，离谱', ['太难了', '无语', '离谱']],
  ])('%s keeps %j whole', (text, terms) => {
    const tokens = tokenize(text, 'zh');
    for (const t of terms) expect(tokens).toContain(t);
  });

  it('drops whitespace tokens', () => {
    expect(tokenize('你好 世界', 'zh')).not.toContain(' ');
  });
});

describe('tokenizeEnglish', () => {
  it('keeps negating contractions whole and punctuation as boundaries', () => {
    expect(tokenizeEnglish("they don't care, isn't it? never!")).toEqual([
      'they', "don't", 'care', ',', "isn't", 'it', '?', 'never', '!',
    ]);
  });
  it('normalises typographic apostrophes', () => {
    expect(tokenizeEnglish('can’t')).toEqual(["can't"]);
  });
  it('returns [] for text without tokens', () => {
    expect(tokenize('', 'en')).toEqual([]);
    expect(tokenizeEnglish('   ')).toEqual([]);
  });
});
