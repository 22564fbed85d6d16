import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCriticalSet, loadZhStanceSet, textHash } from '../../../workers/train/own-labels.js';
import { partOf } from '../../../workers/train/splits.js';

function dirs(corpora: Record<string, object[]>, labels: Record<string, object[]>): { data: string; labels: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'yuqing-own-labels-'));
  const data = path.join(root, 'data');
  const lab = path.join(root, 'labels');
  mkdirSync(data);
  mkdirSync(lab);
  for (const [f, rows] of Object.entries(corpora)) writeFileSync(path.join(data, f), gzipSync(rows.map((r) => JSON.stringify(r)).join('\n')));
  for (const [f, rows] of Object.entries(labels)) writeFileSync(path.join(lab, f), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return { data, labels: lab };
}

describe('own annotations', () => {
  it('joins critical labels to corpus texts by id and text hash, and skips rows whose text changed', async () => {
    const d = dirs(
      {
        'smp2020_ewect_virus.jsonl.gz': [{ id: 's1', text: '警察不作为', label: 'angry' }, { id: 's2', text: '改过的文本', label: 'happy' }],
        'semeval_task4a_en.jsonl.gz': [{ id: 't1', text: 'the police did nothing', label: 'negative' }],
      },
      {
        'critical.jsonl': [
          { id: 'smp2020:s1', h: textHash('警察不作为'), label: true },
          { id: 'smp2020:s2', h: textHash('原来的文本'), label: false },
          { id: 'semeval:t1', h: textHash('the police did nothing'), label: true },
        ],
      },
    );
    const set = await loadCriticalSet(d.data, d.labels);
    expect(set.map((e) => [e.id, e.lang, e.critical])).toEqual([
      ['smp2020:s1', 'zh', true],
      ['semeval:t1', 'en', true],
    ]);
    expect(set[0]!.part).toBe(partOf('警察不作为'));
  });

  it('reads Chinese stance labels with the reply root and parent, split by the thread fold', async () => {
    const d = dirs(
      {
        'ced_weibo_rumor_threads.jsonl.gz': [
          { id: 'r', kind: 'source', threadId: 'r', text: '网传有人抢孩子', label: 'rumor' },
          { id: 'a', kind: 'reply', threadId: 'r', parentId: 'r', text: '真的假的？', fold: 0 },
          { id: 'b', kind: 'reply', threadId: 'r', parentId: 'a', text: '假的，已辟谣', fold: 7 },
        ],
      },
      { 'stance-zh.jsonl': [{ id: 'a', h: textHash('真的假的？'), label: 'query' }, { id: 'b', h: textHash('假的，已辟谣'), label: 'deny' }] },
    );
    const set = await loadZhStanceSet(d.data, d.labels);
    expect(set).toEqual([
      { id: 'a', threadId: 'r', text: '真的假的？', root: '网传有人抢孩子', stance: 'query', part: 'test' },
      { id: 'b', threadId: 'r', text: '假的，已辟谣', root: '网传有人抢孩子', parent: '真的假的？', stance: 'deny', part: 'train' },
    ]);
  });

  it('is empty without label files', async () => {
    const d = dirs({}, {});
    expect(await loadZhStanceSet(d.data, d.labels)).toEqual([]);
    expect(await loadCriticalSet(d.data, d.labels)).toEqual([]);
  });
});
