import { describe, expect, it } from 'vitest';
import { describeIssues, mentionSchema } from '../../shared/contracts/mention.js';

const base = { id: 'n1', platform: 'weibo', kind: 'post', text: '今天天气不错', createdAt: '2026-12-04T08:00:00+08:00', author: { id: 'a1', name: '路人' } };

describe('a mention with a NUL character', () => {
  it('is refused with the field named, in every text field PostgreSQL would store', () => {
    for (const bad of [
      { ...base, text: '今天\u0000天气' },
      { ...base, id: 'n\u00001' },
      { ...base, author: { id: 'a\u00001' } },
      { ...base, author: { id: 'a1', name: '路\u0000人' } },
      { ...base, region: '东湖\u0000区' },
      { ...base, kind: 'reply', rootId: 'r\u0000', parentId: 'r' },
    ]) {
      const r = mentionSchema.safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      if (!r.success) expect(describeIssues(r.error)).toMatch(/NUL/);
    }
  });

  it('leaves other control characters and ordinary text alone', () => {
    expect(mentionSchema.safeParse(base).success).toBe(true);
    expect(mentionSchema.safeParse({ ...base, text: '第一行\n第二行\t完' }).success).toBe(true);
  });
});
