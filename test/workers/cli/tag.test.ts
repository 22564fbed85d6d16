import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../support/cli.js';
import { tagsSchema } from '../../../shared/contracts/tags.js';

const runTag = (input: string): Promise<CliRun> => runCli('tag', input);

const at = '2024-05-01T08:00:00+08:00';
const lines = [
  { id: 'r1', platform: 'weibo', kind: 'post', text: '网传东湖区某小学门口有人开面包车抢孩子，家长们一定要注意安全！', createdAt: at },
  { id: 'c1', platform: 'weibo', kind: 'reply', rootId: 'r1', parentId: 'r1', text: '真的假的？', createdAt: at },
  'this is not json',
  { id: 'c2', platform: 'weibo', kind: 'reply', rootId: 'r1', parentId: 'c1', text: '是的', createdAt: at },
  { id: 'bad', platform: 'weibo', kind: 'comment', text: 'x', createdAt: at },
  '',
  { id: 'p2', platform: 'weibo', kind: 'post', text: '扩散！网传东湖区某小学门口有人开面包车抢孩子，家长们一定要注意安全！', createdAt: at },
  { id: 't1', platform: 'twitter', kind: 'post', text: 'The police ignored my report for hours, useless.', createdAt: '2024-05-01T00:00:00Z' },
  { id: 't2', platform: 'twitter', kind: 'reply', rootId: 't1', text: 'Is this true?', createdAt: '2024-05-01T00:01:00Z' },
  { id: 'c3', platform: 'weibo', kind: 'reply', rootId: 'r1', parentId: 'r1', text: '假的，已经辟谣了', createdAt: at },
  { id: 'c4', platform: 'weibo', kind: 'reply', rootId: 'r1', parentId: 'c3', text: '是的', createdAt: at },
];

describe('yuqing tag', () => {
  it('writes one JSON line per input line, in order, with errors for malformed lines', async () => {
    const input = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
    const { code, stdout, stderr } = await runTag(input);
    expect(code, stderr).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    const out = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // The blank line (6) produces nothing; every other line exactly one result.
    expect(out).toHaveLength(lines.length - 1);
    expect(out.map((o) => o.id)).toEqual(['r1', 'c1', null, 'c2', null, 'p2', 't1', 't2', 'c3', 'c4']);

    expect(out[2]).toEqual({ id: null, error: expect.any(String), line: 3 });
    expect(out[4]).toEqual({ id: null, error: expect.stringContaining('kind'), line: 5 });

    const tags = (i: number) => tagsSchema.parse(out[i]!.tags);
    for (const i of [0, 1, 3, 5, 6, 7, 8, 9]) {
      expect(Object.keys(out[i]!)).toEqual(['id', 'tags']);
      expect(tags(i).storyId).toMatch(/^st_/);
    }
    expect(tags(0)).toMatchObject({ lang: 'zh', stance: 'support' });
    expect(tags(1)).toMatchObject({ stance: 'query', storyId: tags(0).storyId });
    // An agreement-only reply to a question is a comment; to a denial, a denial.
    expect(tags(3).stance).toBe('comment');
    expect(tags(9).stance).toBe('deny');
    expect(tags(5).storyId).toBe(tags(0).storyId); // near-duplicate post
    expect(tags(6)).toMatchObject({ lang: 'en', critical: true });
    expect(tags(6).sentiment.label).toBe('negative');
    expect(tags(7)).toMatchObject({ stance: 'query', storyId: tags(6).storyId });
    expect(tags(8).stance).toBe('deny');
  });

  it('streams a large input completely and in order', async () => {
    const n = 3000;
    const input = Array.from({ length: n }, (_, i) =>
      JSON.stringify({ id: `n${i}`, platform: 'weibo', kind: 'post', text: `第${i}条：江城大桥今天早上发生交通事故，交警提醒绕行`, createdAt: at }),
    ).join('\n');
    const { code, stdout } = await runTag(input); // no trailing newline on the last line
    expect(code).toBe(0);
    const ids = stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => `n${i}`));
  });

  it('exits 0 with no output for empty input', async () => {
    const { code, stdout } = await runTag('');
    expect(code).toBe(0);
    expect(stdout).toBe('');
  });
});
