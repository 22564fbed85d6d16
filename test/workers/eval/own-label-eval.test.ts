import { describe, expect, it } from 'vitest';
import { criticalRows, zhStanceRows } from '../../../workers/eval/own-label-eval.js';
import { createTagger } from '../../../workers/nlp/tagger.js';
import type { CriticalExample, ZhStanceExample } from '../../../workers/train/own-labels.js';

const tagger = createTagger();

describe('rows for the own annotations', () => {
  it('scores critical on the test part only, per language, with precision, recall and F1', () => {
    const set: CriticalExample[] = [
      { id: 'a', text: '城管暴力执法，太过分了', lang: 'zh', critical: true, part: 'test' },
      { id: 'b', text: '感谢民警，辛苦了', lang: 'zh', critical: false, part: 'test' },
      // Labelled critical though it names no one: a miss the rows must count.
      { id: 'c', text: '今天天气很好', lang: 'zh', critical: true, part: 'test' },
      { id: 'd', text: '警察不作为', lang: 'zh', critical: true, part: 'train' },
    ];
    const rows = criticalRows(set, tagger);
    expect(rows.map((r) => [r.task, r.metric])).toEqual([
      ['critical (zh)', 'precision'],
      ['critical (zh)', 'recall'],
      ['critical (zh)', 'F1'],
    ]);
    expect(rows.map((r) => r.ours)).toEqual([1, 0.5, 2 / 3]);
    expect(rows[0]!.split).toContain('n=3 (2 critical)');
  });

  it('scores Chinese stance of test-thread replies in their thread context', () => {
    const ex = (id: string, text: string, stance: ZhStanceExample['stance'], part: ZhStanceExample['part']): ZhStanceExample => ({ id, threadId: 't', text, root: '网传东湖区有人抢孩子', stance, part });
    const set = [ex('1', '真的假的？', 'query', 'test'), ex('2', '假的，已经辟谣了', 'deny', 'test'), ex('3', '希望孩子们都平安', 'support', 'test'), ex('4', '是真的', 'support', 'train')];
    const [acc, f1] = zhStanceRows(set, tagger);
    expect(acc!.ours).toBeCloseTo(2 / 3);
    expect(f1!.metric).toBe('macro-F1');
    expect(acc!.split).toContain('3 replies');
  });
});
