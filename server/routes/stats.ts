import { Router } from 'express';
import { breakdownQuerySchema, seriesQuerySchema, storiesQuerySchema, summaryQuerySchema } from '../../shared/contracts/api.js';
import { zonedDate } from '../../shared/time/zoned-day.js';
import { HttpError, parseQuery } from '../http/errors.js';
import type { Db } from '../store/open.js';
import { breakdown, listStories, sentimentSeries } from '../store/stats.js';
import { dailySummary } from '../store/summary.js';

const MAX_SERIES_POINTS = 10_000;

export function statsRouter(db: Db, timeZone: string): Router {
  const r = Router();
  r.get('/stats/series', (req, res) => {
    const q = parseQuery(seriesQuerySchema, req);
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    const bucket = q.bucket === 'hour' ? 60 : 1;
    if (to <= from) throw new HttpError(400, 'invalid query: "to" must be after "from"');
    if ((to - from) / 60_000 / bucket > MAX_SERIES_POINTS) throw new HttpError(400, 'invalid query: range too long for this bucket');
    res.json({ points: sentimentSeries(db, from, to, bucket) });
  });
  r.get('/stats/breakdown', (req, res) => {
    const q = parseQuery(breakdownQuerySchema, req);
    res.json({ items: breakdown(db, Date.parse(q.from), Date.parse(q.to), q.dim) });
  });
  r.get('/summary', (req, res) => {
    const q = parseQuery(summaryQuerySchema, req);
    res.json(dailySummary(db, q.date ?? zonedDate(timeZone, Date.now()), timeZone));
  });
  r.get('/stories', (req, res) => {
    const q = parseQuery(storiesQuerySchema, req);
    res.json({ items: listStories(db, q.candidates === true, q.limit) });
  });
  return r;
}
