import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTagger } from '../../../workers/nlp/tagger.js';
import { createBatchProcessor } from '../../../workers/pipeline/process-batch.js';
import { eventually } from '../../support/system.js';
import { minutesAgoIso } from '../../fixtures/mentions.js';
import { BACKENDS, testStores } from '../../support/stores.js';

const tagger = createTagger();
const job = (mentions: unknown[]) => ({ v: 1, source: 'api', receivedAt: new Date().toISOString(), mentions });
const TEXT = '网传东湖区自来水厂被人投毒了，大家这几天千万不要喝自来水，紧急扩散！';

/**
 * Two workers on one PostgreSQL, each with its own connection pool, writing batches that name the
 * same thread root which neither has stored yet: one holds a reply to the root (which would start
 * the root's own story), the other the root itself, a near-duplicate of an earlier post (which
 * would join that post's story). Both are held after their story lookups (a third session locks
 * `mentions`, so neither can insert) until both are waiting: each has then decided on a view
 * without the other's registration.
 */
describe.skipIf(!BACKENDS.includes('postgres'))('two PostgreSQL writers registering one new thread root', () => {
  const t = testStores('postgres');

  it('put the root and its replies into one story', async () => {
    const second = await t.reopen('write');
    const holder = await t.reopen('write');
    const opts = { tagger, publish: async () => undefined, warn: () => undefined };
    const one = createBatchProcessor({ store: t.store, ...opts });
    const two = createBatchProcessor({ store: second, ...opts });
    await one('job-earlier', job([{ id: 'earlier', platform: 'weibo', kind: 'post', text: TEXT, createdAt: minutesAgoIso(30) }]));

    const root = { id: 'root', platform: 'weibo', kind: 'post', text: TEXT, createdAt: minutesAgoIso(10) };
    const reply = { id: 'reply', platform: 'weibo', kind: 'reply', rootId: 'root', parentId: 'root', text: '真的假的？求官方辟谣', createdAt: minutesAgoIso(9) };
    let written: Promise<unknown> | undefined;
    await holder.db.transaction().execute(async (tx) => {
      await sql`LOCK TABLE mentions IN EXCLUSIVE MODE`.execute(tx);
      written = Promise.all([one('job-reply', job([reply])), two('job-root', job([root]))]);
      written.catch(() => undefined);
      await eventually(async () => {
        const { rows } = await sql<{ n: string }>`SELECT COUNT(*) AS n FROM pg_locks WHERE NOT granted AND relation = 'mentions'::regclass`.execute(tx);
        return Number(rows[0]?.n) === 2 ? true : undefined;
      }, 'both writers waiting to insert');
    });
    await written;

    const rows = await t.store.db.selectFrom('mentions').select(['id', 'story_id']).orderBy('id').execute();
    const story = new Map(rows.map((r) => [r.id, r.story_id]));
    expect(story.get('reply')).toBe(story.get('root'));
    const registered = await t.store.db.selectFrom('story_roots').select('story_id').where('root_uid', '=', 'weibo:root').executeTakeFirstOrThrow();
    expect(registered.story_id).toBe(story.get('root'));
    // The story's counters saw both, once.
    const s = await t.store.db.selectFrom('stories').select(['posts', 'replies']).where('id', '=', story.get('root')!).executeTakeFirstOrThrow();
    expect(s.replies).toBe(1);
    expect(await t.count(`SELECT COUNT(*) AS n FROM stories WHERE replies > 0`)).toBe(1);
  });
});
