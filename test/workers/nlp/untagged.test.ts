import { describe, expect, it } from 'vitest';
import { tagsSchema } from '../../../shared/contracts/tags.js';
import { createUntaggedTagger } from '../../../workers/nlp/untagged.js';

describe('the benchmark ceiling tagger (YUQING_BENCH_UNTAGGED)', () => {
  it('gives every mention the same neutral, valid tags and still normalises for story clustering', () => {
    const tagger = createUntaggedTagger();
    const { normalised, ...tags } = tagger.tag({ id: '1', platform: 'weibo', kind: 'repost', text: '太可怕了 //@甲: 网传自来水厂被投毒', createdAt: '2026-12-01T00:00:00Z' });
    expect(tagsSchema.parse(tags)).toEqual({ lang: 'zh', sentiment: { label: 'neutral', score: 0 }, emotion: 'none', critical: false, stance: 'comment', topics: [] });
    expect(normalised.own).toBe('太可怕了');
    expect(normalised.chain.map((c) => c.text)).toEqual(['网传自来水厂被投毒']);
  });
});
