import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** ../shared/datasets beside the project, or $YUQING_DATASETS. */
export function datasetsDir(): string {
  return process.env.YUQING_DATASETS ?? path.resolve(PROJECT_ROOT, '../shared/datasets');
}

export function hasDatasets(dir = datasetsDir()): boolean {
  return existsSync(path.join(dir, 'weibo_senti_100k_subset.jsonl.gz'));
}

/** One corpus file's rows (gzipped JSON lines). Fields are whatever the corpus has. */
export async function readRows<T = Record<string, unknown>>(dir: string, file: string): Promise<T[]> {
  const full = path.join(dir, file);
  if (!existsSync(full)) return [];
  const rows: T[] = [];
  const rl = readline.createInterface({ input: createReadStream(full).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) rows.push(JSON.parse(line) as T);
  return rows;
}

export interface TextRow {
  id: string;
  text: string;
  label: string;
  split?: string;
  labelConflict?: boolean;
}

export interface ThreadRow extends TextRow {
  kind: 'source' | 'reply';
  threadId: string;
  parentId?: string;
  depth?: number;
  stance?: string;
  fold?: number;
  createdAt?: string;
}
