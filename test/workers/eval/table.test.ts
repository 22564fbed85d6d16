import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../workers/eval/table.js';
import { hasDatasets } from '../../../workers/train/datasets.js';

describe('eval table', () => {
  it('prints one Markdown row per EvalRow, rates as integers and missing figures as a dash', () => {
    const out = formatTable([
      { task: 'sentiment', corpus: 'c', split: 's', metric: 'AvgRec', ours: 0.68349, baseline: 0.5581, note: 'n' },
      { task: 'throughput (zh)', corpus: 'c', split: 's', metric: 'mentions/s/core', ours: 25123.4, baseline: null },
    ]);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe('| sentiment | c | s | AvgRec | 0.683 | 0.558 | n |');
    expect(lines[3]).toBe('| throughput (zh) | c | s | mentions/s/core | 25,123 | — |  |');
  });
});

describe('datasets folder', () => {
  it('is recognised only when the corpora are there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yq-ds-'));
    expect(hasDatasets(dir)).toBe(false);
    writeFileSync(path.join(dir, 'weibo_senti_100k_subset.jsonl.gz'), '');
    expect(hasDatasets(dir)).toBe(true);
  });
});
