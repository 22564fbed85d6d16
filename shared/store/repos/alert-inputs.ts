import type { IncidentRow } from '../incident-rows.js';
import type { StoryRow } from '../rows.js';
import type { Executor } from '../store.js';

/**
 * What the alert evaluator reads, all bounded and indexed (never the mentions: keyword hits are
 * counted by the workers, repos/keyword-hits.ts): sums of per-minute aggregates over minute ranges
 * (agg_minute's key starts with minute), incidents by opened_at / still running, and recently seen
 * stories.
 */

/** Sum of agg_minute.n for one dimension key over each [from, to) minute range (minute = ms / 60000). */
export async function aggregateSums(db: Executor, dim: string, key: string, ranges: readonly { from: number; to: number }[]): Promise<number[]> {
  return Promise.all(
    ranges.map(async (r) => {
      const row = await db
        .selectFrom('agg_minute')
        .select((eb) => eb.fn.sum<number | string | null>('n').as('n'))
        .where('minute', '>=', r.from)
        .where('minute', '<', r.to)
        .where('dim', '=', dim)
        .where('key', '=', key)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    }),
  );
}

export async function incidentsOpenedSince(db: Executor, since: number, limit: number): Promise<IncidentRow[]> {
  return db.selectFrom('incidents').selectAll().where('opened_at', '>=', since).orderBy('opened_at').limit(limit).execute() as Promise<IncidentRow[]>;
}

/** Incidents whose clock still runs (not closed), most recent first. */
export async function runningIncidents(db: Executor, limit: number): Promise<IncidentRow[]> {
  return db.selectFrom('incidents').selectAll().where('closed_at', 'is', null).orderBy('opened_at', 'desc').limit(limit).execute() as Promise<IncidentRow[]>;
}

export async function incidentIdsForStories(db: Executor, storyIds: readonly string[]): Promise<Map<string, number>> {
  if (storyIds.length === 0) return new Map();
  const rows = await db.selectFrom('incidents').select(['id', 'story_id']).where('story_id', 'in', [...storyIds]).execute();
  return new Map(rows.map((r) => [r.story_id, Number(r.id)]));
}

/** Stories seen since `since` that carry an official answer's effect (signals JSON with afterAnswer). */
export async function answeredStoriesSeenSince(db: Executor, since: number, limit: number): Promise<StoryRow[]> {
  return db
    .selectFrom('stories')
    .selectAll()
    .where('last_seen', '>=', since)
    .where('signals', 'like', '%"afterAnswer"%')
    .orderBy('last_seen', 'desc')
    .limit(limit)
    .execute() as Promise<StoryRow[]>;
}
