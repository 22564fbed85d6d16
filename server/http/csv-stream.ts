import { once } from 'node:events';
import type { Response } from 'express';
import type { MentionRow } from '../../shared/store/rows.js';
import { CSV_HEAD, csvRecord } from './csv.js';

/**
 * Streams rows to the response as CSV, one write per page of rows, waiting for `drain` whenever
 * the socket's buffer is full: memory stays at about one page however large the export, and a
 * slow client slows the reads instead of piling them up in the server. A client that goes away
 * stops the reading at the next page.
 */
export async function streamCsv(res: Response, pages: AsyncIterable<MentionRow[]>): Promise<void> {
  let gone = false;
  let rowCount = 0;
  const onClose = () => (gone = true);
  res.once('close', onClose);
  try {
    const write = async (chunk: string) => {
      if (res.write(chunk)) return;
      // Wait for room or for the client to leave, then drop the other listener.
      const done = new AbortController();
      await Promise.race([once(res, 'drain', { signal: done.signal }), once(res, 'close', { signal: done.signal })]).catch(() => undefined);
      done.abort();
    };
    await write(CSV_HEAD);
    for await (const rows of pages) {
      if (gone || res.destroyed) return;
      let chunk = '';
      for (const r of rows) chunk += csvRecord(r);
      rowCount += rows.length;
      await write(chunk);
    }
    // Before end(): the audit row for the export is written on 'finish' and records the count.
    res.locals.rowCount = rowCount;
    if (!gone) res.end();
  } finally {
    res.off('close', onClose);
  }
}
