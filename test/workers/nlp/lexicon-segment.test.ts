import { describe, expect, it } from 'vitest';
import { segmentByLexicon } from '../../../workers/nlp/lexicon-segment.js';

describe('segmentByLexicon (hot-path Chinese segmenter)', () => {
  it.each([
    ['派出所民警态度恶劣,报警半天没人管', ['派出所', '民警', '态度恶劣', ',', '报警', '半天', '没人管']],
    ['不好意思,借过一下', ['不好意思', ',', '借过一下']],
    ['yyds绝绝子6666', ['yyds', '绝绝子', '6666']],
    ['我今天真的很不开心!!', ['我今天', '真的', '很', '不', '开心', '!!']],
    ['没有失望', ['没有', '失望']],
  ])('%s', (text, want) => {
    expect(segmentByLexicon(text)).toEqual(want);
  });

  it('drops spaces and returns [] for an empty text', () => {
    expect(segmentByLexicon('好 的')).toEqual(['好', '的']);
    expect(segmentByLexicon('')).toEqual([]);
  });
});
