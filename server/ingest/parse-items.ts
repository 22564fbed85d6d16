import { parseMention, type CreatedAtWindow, type Mention } from '../../shared/contracts/mention.js';
import type { IngestResponse } from '../../shared/contracts/api.js';

export class UnreadableBodyError extends Error {
  override name = 'UnreadableBodyError';
}

/** Items of an NDJSON body; a line that is not JSON stays in place as a per-item error. */
export function splitNdjson(body: string): unknown[] {
  const items: unknown[] = [];
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    try {
      items.push(JSON.parse(line));
    } catch {
      items.push(new NdjsonLineError(line));
    }
  }
  return items;
}

class NdjsonLineError {
  constructor(readonly line: string) {}
}

/** Validates each item on its own: one bad item is reported by index and never drops the good ones. */
export function validateItems(items: unknown[], window?: CreatedAtWindow): { valid: Mention[]; rejected: IngestResponse['rejected'] } {
  const valid: Mention[] = [];
  const rejected: IngestResponse['rejected'] = [];
  items.forEach((item, index) => {
    if (item instanceof NdjsonLineError) {
      rejected.push({ index, error: 'line is not valid JSON' });
      return;
    }
    const r = parseMention(item, window);
    if (r.ok) valid.push(r.mention);
    else rejected.push({ index, error: r.error });
  });
  return { valid, rejected };
}
