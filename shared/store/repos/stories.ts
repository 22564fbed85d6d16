import { sql } from 'kysely';
import type { StoryRow } from '../rows.js';
import type { Executor } from '../store.js';

export const STORY_COLUMNS = [
  'id', 'root_uid', 'text', 'first_seen', 'last_seen', 'posts', 'replies', 'supports', 'queries', 'denies', 'reach',
  'official_replied', 'root_official', 'rumour_score', 'candidate', 'signals',
] as const;

/** Rumour candidates seen since `since`, highest score first (stories_candidate index). */
export async function rumourCandidates(db: Executor, limit: number, since = 0): Promise<StoryRow[]> {
  return db
    .selectFrom('stories')
    .select(STORY_COLUMNS)
    .where('candidate', '=', 1)
    .where('last_seen', '>=', since)
    .orderBy('rumour_score', 'desc')
    .orderBy('last_seen', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The leading stories of [from, to): those seen in it, largest (posts + replies) first. Served by
 * the stories' own counters through the stories_size index, walked largest first until `limit`
 * stories seen in the range are found, not by counting the range's mentions per story.
 */
export async function leadingStories(db: Executor, from: number, to: number, limit: number): Promise<StoryRow[]> {
  return db
    .selectFrom('stories')
    .select(STORY_COLUMNS)
    .where('last_seen', '>=', from)
    .where('first_seen', '<', to)
    .orderBy(sql`posts + replies`, 'desc')
    .orderBy('last_seen', 'desc')
    .limit(limit)
    .execute();
}

export async function recentStories(db: Executor, limit: number): Promise<StoryRow[]> {
  return db.selectFrom('stories').select(STORY_COLUMNS).orderBy('last_seen', 'desc').limit(limit).execute();
}

export async function storiesByIds(db: Executor, ids: readonly string[]): Promise<StoryRow[]> {
  const unique = [...new Set(ids)];
  const out: StoryRow[] = [];
  for (let i = 0; i < unique.length; i += 400) {
    out.push(...(await db.selectFrom('stories').select(STORY_COLUMNS).where('id', 'in', unique.slice(i, i + 400)).execute()));
  }
  return out;
}

export async function storySignals(db: Executor, id: string): Promise<string | null> {
  return (await db.selectFrom('stories').select('signals').where('id', '=', id).executeTakeFirst())?.signals ?? null;
}

export type StanceCounter = 'supports' | 'queries' | 'denies';

/** Moves one response between a story's stance counters (an analyst corrected its stance). */
export async function moveStanceCounter(db: Executor, storyId: string, from: StanceCounter | undefined, to: StanceCounter | undefined): Promise<void> {
  if (from) await db.updateTable('stories').set((eb) => ({ [from]: eb(from, '-', 1) })).where('id', '=', storyId).execute();
  if (to) await db.updateTable('stories').set((eb) => ({ [to]: eb(to, '+', 1) })).where('id', '=', storyId).execute();
}
