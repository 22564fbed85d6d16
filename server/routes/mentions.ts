import { Router } from 'express';
import { mentionQuerySchema } from '../../shared/contracts/api.js';
import { recordBeforeAnswer, recordExportEnd } from '../auth/audit-acts.js';
import { HttpError, parseQuery } from '../http/errors.js';
import { CSV_HEAD, csvRecord } from '../http/csv.js';
import { streamCsv } from '../http/csv-stream.js';
import type { Logger } from '../log.js';
import { mentionExportPages } from '../../shared/store/repos/mentions.js';
import type { Store } from '../../shared/store/store.js';
import { BadCursorError, loadThread, searchMentions } from '../store/mention-search.js';

const EXPORT_MAX_ROWS = 100_000;
const exportQuerySchema = mentionQuerySchema.omit({ cursor: true, limit: true });

export interface MentionRouteOptions {
  /** Reads, and the audit rows of searches and exports (written before any result leaves). */
  store: Store;
  log: Logger;
}

export function mentionsRouter(o: MentionRouteOptions): Router {
  const r = Router();
  const db = o.store.db;
  r.get('/mentions', async (req, res) => {
    const q = parseQuery(mentionQuerySchema, req);
    await recordBeforeAnswer(res, o.store, o.log);
    try {
      res.json(await searchMentions(db, q));
    } catch (err) {
      if (err instanceof BadCursorError) throw new HttpError(400, err.message);
      throw err;
    }
  });
  r.get('/mentions/export.csv', async (req, res) => {
    const q = parseQuery(exportQuerySchema, req);
    const startedRow = await recordBeforeAnswer(res, o.store, o.log);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="yuqing-mentions-${new Date().toISOString().slice(0, 10)}.csv"`);
    const { sort: _sort, order: _order, ...filters } = q;
    const end = await streamCsv(res, CSV_HEAD, mentionExportPages(db, filters, EXPORT_MAX_ROWS), csvRecord);
    await recordExportEnd(req, res, o, 'mentions.export_end', { startedRow, rows: end.rows, outcome: end.outcome });
    if (end.outcome === 'failed') throw end.error;
  });
  r.get('/threads/:uid', async (req, res) => {
    const uid = req.params.uid;
    if (!/^[a-z0-9_-]{1,32}:.{1,128}$/.test(uid)) throw new HttpError(400, 'thread id must be "platform:id"');
    const thread = await loadThread(db, uid);
    if (!thread) throw new HttpError(404, `no mention ${uid}`);
    res.json(thread);
  });
  return r;
}
