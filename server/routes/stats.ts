import { Router } from 'express';
import { breakdownQuerySchema, seriesQuerySchema, storiesQuerySchema, summaryQuerySchema } from '../../shared/contracts/api.js';
import { zonedDate } from '../../shared/time/zoned-day.js';
import { HttpError, parseQuery } from '../http/errors.js';
import { presentStory } from '../../shared/store/rows.js';
import { recentStories, rumourCandidates } from '../../shared/store/repos/stories.js';
import type { Executor } from '../../shared/store/store.js';
import { breakdown, sentimentSeries } from '../store/stats.js';
import { dailySummary } from '../store/summary.js';

const MAX_SERIES_POINTS = 10_000;

export function statsRouter(db: Executor, timeZone: string): Router {
  const r = Router();
  r.get('/stats/series', async (req, res) => {
    const q = parseQuery(seriesQuerySchema, req);
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    const bucket = q.bucket === 'hour' ? 60 : 1;
    if (to <= from) throw new HttpError(400, 'invalid query: "to" must be after "from"');
    if ((to - from) / 60_000 / bucket > MAX_SERIES_POINTS) throw new HttpError(400, 'invalid query: range too long for this bucket');
    res.json({ points: await sentimentSeries(db, from, to, bucket) });
  });
  r.get('/stats/breakdown', async (req, res) => {
    const q = parseQuery(breakdownQuerySchema, req);
    res.json({ items: await breakdown(db, Date.parse(q.from), Date.parse(q.to), q.dim) });
  });
  r.get('/summary', async (req, res) => {
    const q = parseQuery(summaryQuerySchema, req);
    res.json(await dailySummary(db, q.date ?? zonedDate(timeZone, Date.now()), timeZone));
  });
  r.get('/stories', async (req, res) => {
    const q = parseQuery(storiesQuerySchema, req);
    const rows = q.candidates === true ? await rumourCandidates(db, q.limit) : await recentStories(db, q.limit);
    res.json({ items: rows.map(presentStory) });
  });
  return r;
}
