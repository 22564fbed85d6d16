import type { BreakdownDim } from '../../shared/contracts/api.js';
import type { KeyCount, LiveTotals, SeriesPoint, StoryView } from '../../shared/contracts/views.js';
import { presentMention, presentStory, type MentionRow, type StoryRow } from '../../shared/store/rows.js';
import type { Db } from './open.js';

const MINUTE = 60_000;

/** Volume by sentiment (and critical) per bucket over [from, to), from the per-minute counters. */
export function sentimentSeries(db: Db, from: number, to: number, bucketMinutes: number, offsetMinutes = 0): SeriesPoint[] {
  const rows = db
    .prepare(
      `SELECT CAST((minute + ?) / ? AS INTEGER) * ? - ? AS b, dim, key, SUM(n) AS n FROM agg_minute
       WHERE minute >= ? AND minute < ? AND dim IN ('sentiment', 'critical') GROUP BY b, dim, key`,
    )
    // better-sqlite3 binds JS numbers as REAL: the CAST keeps the bucket division integral.
    .all(offsetMinutes, bucketMinutes, bucketMinutes, offsetMinutes, Math.floor(from / MINUTE), Math.ceil(to / MINUTE)) as {
    b: number;
    dim: string;
    key: string;
    n: number;
  }[];
  const points = new Map<number, SeriesPoint>();
  const first = Math.floor((Math.floor(from / MINUTE) + offsetMinutes) / bucketMinutes) * bucketMinutes - offsetMinutes;
  for (let m = first; m * MINUTE < to; m += bucketMinutes) {
    points.set(m, { t: m * MINUTE, positive: 0, neutral: 0, negative: 0, critical: 0 });
  }
  for (const r of rows) {
    const p = points.get(r.b);
    if (!p) continue;
    if (r.dim === 'critical') p.critical += r.n;
    else if (r.key === 'positive' || r.key === 'neutral' || r.key === 'negative') p[r.key] += r.n;
  }
  return [...points.values()];
}

export function totalsOf(points: SeriesPoint[]): LiveTotals & { positive: number; neutral: number } {
  const t = { total: 0, positive: 0, neutral: 0, negative: 0, critical: 0 };
  for (const p of points) {
    t.positive += p.positive;
    t.neutral += p.neutral;
    t.negative += p.negative;
    t.critical += p.critical;
  }
  t.total = t.positive + t.neutral + t.negative;
  return t;
}

/** Counts by one dimension over [from, to), largest first. */
export function breakdown(db: Db, from: number, to: number, dim: BreakdownDim, limit = 50): KeyCount[] {
  return db
    .prepare(
      `SELECT key, SUM(n) AS n FROM agg_minute WHERE dim = ? AND minute >= ? AND minute < ?
       GROUP BY key ORDER BY n DESC, key ASC LIMIT ?`,
    )
    .all(dim, Math.floor(from / MINUTE), Math.ceil(to / MINUTE), limit) as KeyCount[];
}

export function latestCritical(db: Db, from: number, limit: number) {
  const rows = db
    .prepare('SELECT * FROM mentions WHERE critical = 1 AND created_at >= ? ORDER BY created_at DESC, uid DESC LIMIT ?')
    .all(from, limit) as MentionRow[];
  return rows.map(presentMention);
}

export function topCritical(db: Db, from: number, to: number, limit: number) {
  const rows = db
    .prepare(
      `SELECT * FROM mentions WHERE critical = 1 AND created_at >= ? AND created_at < ?
       ORDER BY engagement DESC, created_at DESC LIMIT ?`,
    )
    .all(from, to, limit) as MentionRow[];
  return rows.map(presentMention);
}

export function rumourCandidates(db: Db, limit: number, since = 0): StoryView[] {
  const rows = db
    .prepare('SELECT * FROM stories WHERE candidate = 1 AND last_seen >= ? ORDER BY rumour_score DESC, last_seen DESC LIMIT ?')
    .all(since, limit) as StoryRow[];
  return rows.map(presentStory);
}

export function largestStories(db: Db, from: number, to: number, limit: number): StoryView[] {
  const rows = db
    .prepare(
      `SELECT s.*, COUNT(m.uid) AS day_n FROM mentions m JOIN stories s ON s.id = m.story_id
       WHERE m.created_at >= ? AND m.created_at < ? GROUP BY s.id ORDER BY day_n DESC LIMIT ?`,
    )
    .all(from, to, limit) as StoryRow[];
  return rows.map(presentStory);
}

export function listStories(db: Db, candidatesOnly: boolean, limit: number): StoryView[] {
  if (candidatesOnly) return rumourCandidates(db, limit);
  const rows = db.prepare('SELECT * FROM stories ORDER BY last_seen DESC LIMIT ?').all(limit) as StoryRow[];
  return rows.map(presentStory);
}

export function countMentions(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n;
}

export function distinctValues(db: Db, column: 'platform' | 'region', limit = 200): string[] {
  const rows = db
    .prepare(`SELECT DISTINCT ${column} AS v FROM mentions WHERE ${column} IS NOT NULL ORDER BY v LIMIT ?`)
    .all(limit) as { v: string }[];
  return rows.map((r) => r.v);
}
