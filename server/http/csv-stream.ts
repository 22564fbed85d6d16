import { once } from 'node:events';
import type { Response } from 'express';

/** How a streamed answer ended: every byte handed over, the client gone, or reading failed. */
export type StreamOutcome = 'complete' | 'aborted' | 'failed';

export interface StreamResult {
  /** Records written to the response (all of them when complete). */
  rows: number;
  outcome: StreamOutcome;
  /** Why reading failed (outcome 'failed'); the caller decides what to do with it. */
  error?: unknown;
}

/**
 * Streams records to the response as CSV text, one write per page, waiting for `drain` whenever
 * the socket's buffer is full: memory stays at about one page however large the export, and a
 * slow client slows the reads instead of piling them up in the server. A client that goes away
 * stops the reading at the next page. Resolves once the answer is over, saying how it ended and
 * how many records left: complete only when every byte was handed to the connection.
 */
export async function streamCsv<R>(res: Response, head: string, pages: AsyncIterable<R[]>, record: (r: R) => string): Promise<StreamResult> {
  let gone = false;
  let rows = 0;
  const onClose = () => (gone = true);
  res.once('close', onClose);
  const waitFor = async (event: 'drain' | 'finish') => {
    // Wait for the event or for the client to leave, then drop the other listener.
    const done = new AbortController();
    await Promise.race([once(res, event, { signal: done.signal }), once(res, 'close', { signal: done.signal })]).catch(() => undefined);
    done.abort();
  };
  const write = async (chunk: string) => {
    if (!res.write(chunk)) await waitFor('drain');
  };
  try {
    await write(head);
    for await (const page of pages) {
      if (gone || res.destroyed) return { rows, outcome: 'aborted' };
      let chunk = '';
      for (const r of page) chunk += record(r);
      // Counted once handed to the connection (a client that leaves now may not have read them all).
      rows += page.length;
      await write(chunk);
    }
    if (gone || res.destroyed) return { rows, outcome: 'aborted' };
    const finished = res.writableFinished ? Promise.resolve() : waitFor('finish');
    res.end();
    await finished;
    return { rows, outcome: res.writableFinished ? 'complete' : 'aborted' };
  } catch (error) {
    return { rows, outcome: gone ? 'aborted' : 'failed', error };
  } finally {
    res.off('close', onClose);
  }
}
