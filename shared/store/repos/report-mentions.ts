import { presentStory, type MentionRow } from '../rows.js';
import type { Executor } from '../store.js';
import type { StoryView } from '../../contracts/views.js';

/** The stories with the most mentions over [from, to), with those counts. */
export async function leadingStories(db: Executor, from: number, to: number, limit: number): Promise<{ story: StoryView; n: number }[]> {
  const counts = await db
    .selectFrom('mentions')
    .select(['story_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('story_id', 'is not', null)
    .groupBy('story_id')
    .orderBy('n', 'desc')
    .orderBy('story_id', 'asc')
    .limit(limit)
    .execute();
  const stories = await storiesById(db, counts.map((c) => c.story_id as string));
  return counts.flatMap((c) => {
    const story = stories.get(c.story_id as string);
    return story ? [{ story, n: Number(c.n) }] : [];
  });
}

export async function storiesById(db: Executor, ids: string[]): Promise<Map<string, StoryView>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('stories').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, presentStory(r)]));
}

/** One story's mentions over [from, to) (index mentions_story). */
export async function storyMentionCount(db: Executor, storyId: string, from: number, to: number): Promise<number> {
  const row = await db
    .selectFrom('mentions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('story_id', '=', storyId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type CriticalRow = Pick<MentionRow, 'uid' | 'text' | 'author_name' | 'platform' | 'created_at' | 'followers' | 'engagement'>;

/** The period's critical mentions with the widest engagement (partial index mentions_critical bounds the scan). */
export async function topCriticalMentions(db: Executor, from: number, to: number, limit: number): Promise<CriticalRow[]> {
  return db
    .selectFrom('mentions')
    .select(['uid', 'text', 'author_name', 'platform', 'created_at', 'followers', 'engagement'])
    .where('critical', '=', 1)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('engagement', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('uid', 'asc')
    .limit(limit)
    .execute();
}
