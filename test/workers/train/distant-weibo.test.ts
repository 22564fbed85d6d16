import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { distantWeiboExamples, emoticonScore } from '../../../workers/train/distant-weibo.js';

function corpusDir(files: Record<string, object[]>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'yuqing-distant-'));
  for (const [name, rows] of Object.entries(files)) writeFileSync(path.join(dir, name), gzipSync(rows.map((r) => JSON.stringify(r)).join('\n')));
  return dir;
}

const weibo = [
  ...Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, text: `好开心${i}[哈哈]`, label: 'positive' })),
  ...Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, text: `好难过${i}[泪]`, label: 'negative' })),
  // Too rare to be trusted.
  { id: 'r', text: '[奥特曼]', label: 'positive' },
];

describe('distant supervision from emoticons', () => {
  it('scores a text by the summed log-odds of the emoticons it knows', () => {
    const pol = new Map([['[哈哈]', 2], ['[泪]', -2.5]]);
    expect(emoticonScore('笑死[哈哈][哈哈]', pol)).toBe(4);
    expect(emoticonScore('唉[泪][哈哈]', pol)).toBe(-0.5);
    expect(emoticonScore('[奥特曼]', pol)).toBeNull();
    expect(emoticonScore('no emoticons', pol)).toBeNull();
  });

  it('labels CED texts outside the test folds by their emoticons, strips them, and skips known and ambiguous texts', async () => {
    const dir = corpusDir({
      'weibo_senti_100k_subset.jsonl.gz': weibo,
      'ced_weibo_rumor_threads.jsonl.gz': [
        { id: 'a', kind: 'reply', threadId: 't', fold: 5, text: '太好了[哈哈]', label: 'x' },
        { id: 'b', kind: 'reply', threadId: 't', fold: 5, text: '心疼[泪][泪]', label: 'x' },
        { id: 'c', kind: 'reply', threadId: 't', fold: 5, text: '又哭又笑[泪][哈哈]', label: 'x' },
        { id: 'd', kind: 'reply', threadId: 'u', fold: 1, text: '测试折[哈哈]', label: 'x' },
        { id: 'e', kind: 'reply', threadId: 't', fold: 5, text: '已有文本[哈哈]', label: 'x' },
        { id: 'f', kind: 'reply', threadId: 't', fold: 5, text: '奥特曼来了[奥特曼]', label: 'x' },
      ],
    });
    const out = await distantWeiboExamples(dir, () => true, 1.5, new Set(['已有文本']));
    expect(out.map((e) => [e.text, e.label])).toEqual([
      ['太好了', 'positive'],
      ['心疼', 'negative'],
    ]);
    expect(out.every((e) => e.part === 'train')).toBe(true);
  });

  it('learns emoticon polarity only from the rows it may train on', async () => {
    const dir = corpusDir({
      'weibo_senti_100k_subset.jsonl.gz': weibo,
      'ced_weibo_rumor_threads.jsonl.gz': [{ id: 'a', kind: 'reply', threadId: 't', fold: 5, text: '太好了[哈哈]', label: 'x' }],
    });
    expect(await distantWeiboExamples(dir, (t) => !t.includes('开心'), 1.5, new Set())).toEqual([]);
  });
});
