import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import { parse } from 'csv-parse';

/** One record of an import file: its 1-based line (JSONL) or record number (CSV) and its value. */
export interface FileRecord {
  n: number;
  value: unknown;
  /** Set when the record could not even be read (bad JSON). */
  error?: string;
}

export type FileFormat = 'jsonl' | 'csv';

export function formatOf(file: string): FileFormat {
  return /\.csv$/i.test(file) ? 'csv' : 'jsonl';
}

const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
const bool = (v: string | undefined) => (v === undefined || v === '' ? undefined : /^(1|true|yes)$/i.test(v));
const str = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/**
 * A CSV row (header names as in the Mention contract, with author_* and metric columns flattened)
 * as a Mention-shaped object; validation happens later, as for every other source.
 */
export function csvRowToMention(row: Record<string, string>): unknown {
  const author = str(row.author_id ?? row['author.id']);
  const metrics = { reposts: num(row.reposts), comments: num(row.comments), likes: num(row.likes) };
  return {
    id: row.id,
    platform: row.platform,
    kind: row.kind,
    text: row.text,
    createdAt: row.createdAt ?? row.created_at,
    parentId: str(row.parentId ?? row.parent_id),
    rootId: str(row.rootId ?? row.root_id),
    author: author
      ? {
          id: author,
          name: str(row.author_name),
          verified: bool(row.author_verified),
          official: bool(row.author_official),
          followers: num(row.author_followers ?? row.followers),
        }
      : undefined,
    metrics: Object.values(metrics).some((v) => v !== undefined) ? metrics : undefined,
    lang: str(row.lang),
    region: str(row.region),
    url: str(row.url),
  };
}

/** Streams the records of a JSON Lines or CSV file, with the number of bytes read so far. */
export async function* readRecords(file: string, onBytes: (bytes: number) => void): AsyncGenerator<FileRecord> {
  const stream = createReadStream(file);
  let bytes = 0;
  stream.on('data', (chunk) => onBytes((bytes += chunk.length)));
  if (formatOf(file) === 'csv') {
    let n = 0;
    const parser = stream.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }));
    for await (const row of parser) yield { n: ++n, value: csvRowToMention(row as Record<string, string>) };
    return;
  }
  let n = 0;
  for await (const line of readline.createInterface({ input: stream, crlfDelay: Infinity })) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield { n, value: JSON.parse(line) };
    } catch {
      yield { n, value: null, error: 'line is not valid JSON' };
    }
  }
}
