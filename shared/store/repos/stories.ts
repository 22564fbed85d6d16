import { sql } from 'kysely';
import type { StoryRow } from '../rows.js';
import type { Database } from '../schema.js';
import { WriteConflictError } from '../store-errors.js';
import { isPostgres, type Executor } from '../store.js';
import { chunksOf } from './chunks.js';

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

// The batch writer's side: story state under the write lock, the story index (roots and LSH bands).
/** A story's whole row as the batch writer reads, updates in memory and writes back. */
export type StoryState = Omit<Database['stories'], 'hash'>;

/** What a story starts with when its first mention arrives (the rest of its columns take their defaults). */
export type StoryStart = Pick<StoryState, 'id' | 'root_uid' | 'text' | 'first_seen' | 'last_seen'>;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A new story's columns besides where it starts: the schema's defaults. */
const EMPTY_STORY = {
  posts: 0, replies: 0, supports: 0, queries: 0, denies: 0, reach: 0, official_replied: 0, root_official: 0,
  rumour_score: 0, candidate: 0, signals: '{}', hash: null,
} as const;

/** Creates the stories that do not exist yet (sorted by id: concurrent PostgreSQL writers take row locks in one order). */
export async function ensureStories(db: Executor, rows: readonly StoryStart[]): Promise<void> {
  for (const chunk of chunksOf([...rows].sort(byId), 17)) {
    await db
      .insertInto('stories')
      .values(chunk.map((r) => ({ ...EMPTY_STORY, ...r })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

const STATE_COLUMNS = [
  'id', 'root_uid', 'text', 'first_seen', 'last_seen', 'posts', 'replies', 'supports', 'queries', 'denies', 'reach',
  'official_replied', 'root_official', 'rumour_score', 'candidate', 'signals',
] as const;

/**
 * Stories by id, for a read-modify-write inside the batch transaction. SQLite: the IMMEDIATE lock
 * already excludes other writers. PostgreSQL: the rows are locked (FOR UPDATE, in id order) until
 * the transaction ends, so two workers updating the same story apply their batches one after the other.
 */
export async function storiesForUpdate(db: Executor, ids: readonly string[]): Promise<StoryState[]> {
  const out: StoryState[] = [];
  const pg = isPostgres(db);
  for (const chunk of chunksOf([...ids].sort(), 1)) {
    const q = db.selectFrom('stories').select(STATE_COLUMNS).where('id', 'in', chunk).orderBy('id');
    out.push(...(await (pg ? q.forUpdate() : q).execute()));
  }
  return out;
}

/** Writes stories back whole (their rows are held by this transaction: see storiesForUpdate), one multi-row upsert per chunk. */
export async function saveStories(db: Executor, rows: readonly StoryState[]): Promise<void> {
  for (const chunk of chunksOf([...rows].sort(byId), STATE_COLUMNS.length)) {
    await db
      .insertInto('stories')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          root_uid: eb.ref('excluded.root_uid'),
          text: eb.ref('excluded.text'),
          first_seen: eb.ref('excluded.first_seen'),
          last_seen: eb.ref('excluded.last_seen'),
          posts: eb.ref('excluded.posts'),
          replies: eb.ref('excluded.replies'),
          supports: eb.ref('excluded.supports'),
          queries: eb.ref('excluded.queries'),
          denies: eb.ref('excluded.denies'),
          reach: eb.ref('excluded.reach'),
          official_replied: eb.ref('excluded.official_replied'),
          root_official: eb.ref('excluded.root_official'),
          rumour_score: eb.ref('excluded.rumour_score'),
          candidate: eb.ref('excluded.candidate'),
          signals: eb.ref('excluded.signals'),
        })),
      )
      .execute();
  }
}

/** The stories registered for these uids (thread roots and clustered mentions). */
export async function storiesOfRoots(db: Executor, uids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const chunk of chunksOf(uids, 1)) {
    const rows = await db.selectFrom('story_roots').select(['root_uid', 'story_id']).where('root_uid', 'in', chunk).execute();
    for (const r of rows) out.set(r.root_uid, r.story_id);
  }
  return out;
}

export interface BandEntry {
  band: string;
  story_id: string;
  hash: string;
}

/** Stories looked at per band, as the per-mention candidate query's LIMIT did. */
export const BAND_CANDIDATES = 64;

/**
 * The story signatures filed under each of these LSH bands, at most BAND_CANDIDATES per band (in
 * story id order), leaving out stories closed to new posts: a rumour that was flagged and then
 * answered by an official account (the same claim posted again starts a story of its own, to be
 * flagged and recognised as a known rumour afresh rather than vanish into the answered one).
 */
export async function storiesOfBands(db: Executor, bands: readonly string[]): Promise<BandEntry[]> {
  // A plain index lookup, ranked here: a window function ranking in SQL sorted every matched row
  // again and cost half as much as the lookup itself (measured on the bench --system traffic).
  const byBand = new Map<string, BandEntry[]>();
  for (const chunk of chunksOf(bands, 1)) {
    const rows = await db
      .selectFrom('story_bands as b')
      .innerJoin('stories as s', 's.id', 'b.story_id')
      .select(['b.band', 'b.story_id', 'b.hash'])
      .where('b.band', 'in', chunk)
      .where((w) => w.not(w.and([w('s.candidate', '=', 1), w('s.official_replied', '=', 1)])))
      .execute();
    for (const r of rows) {
      let list = byBand.get(r.band);
      if (!list) byBand.set(r.band, (list = []));
      list.push(r);
    }
  }
  const out: BandEntry[] = [];
  for (const list of byBand.values()) {
    list.sort((a, b) => (a.story_id < b.story_id ? -1 : a.story_id > b.story_id ? 1 : 0));
    out.push(...list.slice(0, BAND_CANDIDATES));
  }
  return out;
}

/**
 * Registers the story of each new root (a thread root, or a mention clustered into a story). A
 * root is registered once and never moved, so the batch that registers it decides its story, and
 * every later batch follows that. Two PostgreSQL writers can both find a root unregistered (neither
 * has committed) and pick different stories for it; the second one's INSERT waits for the first's
 * commit and then conflicts. That batch assigned stories on a view that is now stale, so it is
 * refused with WriteConflictError and `Store.write` runs it again, reading the registered root.
 * (SQLite's single writer never gets here: the write lock is held from the lookup on.)
 */
export async function addStoryRoots(db: Executor, rows: readonly { root_uid: string; story_id: string }[]): Promise<void> {
  const sorted = [...rows].sort((a, b) => (a.root_uid < b.root_uid ? -1 : a.root_uid > b.root_uid ? 1 : 0));
  const taken: { root_uid: string; story_id: string }[] = [];
  for (const chunk of chunksOf(sorted, 2)) {
    const inserted = await db.insertInto('story_roots').values(chunk).onConflict((oc) => oc.column('root_uid').doNothing()).returning('root_uid').execute();
    if (inserted.length === chunk.length) continue;
    const mine = new Set(inserted.map((r) => r.root_uid));
    for (const r of chunk) if (!mine.has(r.root_uid)) taken.push(r);
  }
  if (taken.length === 0) return;
  // Registered meanwhile, or earlier in this very batch list twice: only a different story is a conflict.
  const stored = await storiesOfRoots(db, taken.map((r) => r.root_uid));
  const moved = taken.filter((r) => stored.get(r.root_uid) !== r.story_id);
  if (moved.length > 0) {
    const r = moved[0]!;
    throw new WriteConflictError(`story root ${r.root_uid} was registered for ${stored.get(r.root_uid)} by another writer while this batch put it in ${r.story_id}`);
  }
}

export async function addStoryBands(db: Executor, rows: readonly { band: string; story_id: string; hash: string }[]): Promise<void> {
  const key = (r: { band: string; story_id: string }) => `${r.band}\u0000${r.story_id}`;
  const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  for (const chunk of chunksOf(sorted, 3)) {
    await db.insertInto('story_bands').values(chunk).onConflict((oc) => oc.columns(['band', 'story_id']).doNothing()).execute();
  }
}

/** Stories an official clarification may answer: open candidates (highest score first), then recent likely rumours. */
export async function answerableStories(
  db: Executor,
  o: { since: number; likelyFrom: number; openLimit: number; likelyLimit: number },
): Promise<{ open: { id: string; text: string }[]; likely: { id: string; text: string }[] }> {
  const open = await db
    .selectFrom('stories')
    .select(['id', 'text'])
    .where('candidate', '=', 1)
    .where('last_seen', '>=', o.since)
    .where('root_official', '=', 0)
    .orderBy('rumour_score', 'desc')
    .limit(o.openLimit)
    .execute();
  const likely = await db
    .selectFrom('stories')
    .select(['id', 'text'])
    .where('last_seen', '>=', o.since)
    .where('candidate', '=', 0)
    .where('root_official', '=', 0)
    .where('rumour_score', '>=', o.likelyFrom)
    .orderBy('last_seen', 'desc')
    .limit(o.likelyLimit)
    .execute();
  return { open, likely };
}
