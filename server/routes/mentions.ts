import { Router } from 'express';
import { mentionQuerySchema } from '../../shared/contracts/api.js';
import { HttpError, parseQuery } from '../http/errors.js';
import { streamCsv } from '../http/csv-stream.js';
import { mentionExportPages } from '../../shared/store/repos/mentions.js';
import type { Executor } from '../../shared/store/store.js';
import { BadCursorError, loadThread, searchMentions } from '../store/mention-search.js';

const EXPORT_MAX_ROWS = 100_000;
const exportQuerySchema = mentionQuerySchema.omit({ cursor: true, limit: true });

export function mentionsRouter(db: Executor): Router {
  const r = Router();
  r.get('/mentions', async (req, res) => {
    const q = parseQuery(mentionQuerySchema, req);
    try {
      res.json(await searchMentions(db, q));
    } catch (err) {
      if (err instanceof BadCursorError) throw new HttpError(400, err.message);
      throw err;
    }
  });
  r.get('/mentions/export.csv', async (req, res) => {
    const q = parseQuery(exportQuerySchema, req);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="yuqing-mentions-${new Date().toISOString().slice(0, 10)}.csv"`);
    const { sort: _sort, order: _order, ...filters } = q;
    await streamCsv(res, mentionExportPages(db, filters, EXPORT_MAX_ROWS));
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
