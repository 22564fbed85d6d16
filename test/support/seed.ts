import { EMOTIONS, SENTIMENTS, STANCES } from '../../shared/contracts/tags.js';
import { applyAggregateDeltas, type AggregateDelta } from '../../shared/store/repos/aggregates.js';
import type { IncidentRow } from '../../shared/store/incident-rows.js';
import { insertMentions, type NewMention } from '../../shared/store/repos/mentions.js';
import type { Database } from '../../shared/store/schema.js';
import type { Store } from '../../shared/store/store.js';

/**
 * Stored mentions written straight into a store the way the batch writer stores them: the row,
 * its topic index rows and its counters through applyAggregateDeltas (all granularities), for
 * tests of the read side that need volume without tagging it.
 */
export function seedRow(i: number, createdAt: number, prefix = 's'): NewMention {
  const uid = `weibo:${prefix}${i}`;
  return {
    uid,
    id: `${prefix}${i}`,
    platform: i % 4 === 3 ? 'twitter' : 'weibo',
    kind: 'post',
    text: i % 3 === 0 ? `网传投毒 谣言 #${i}` : `交警辛苦了 #${i}`,
    created_at: createdAt,
    created_at_iso: new Date(createdAt).toISOString(),
    parent_uid: null,
    root_uid: null,
    thread_uid: uid,
    author_id: `u${i % 101}`,
    author_name: `user${i % 101}`,
    author_verified: 0,
    author_official: 0,
    followers: (i * 97) % 5000,
    reposts: i % 7,
    comments: i % 5,
    likes: i % 11,
    engagement: (i % 7) + (i % 5) + (i % 11),
    region: i % 3 === 0 ? '东湖区' : null,
    url: null,
    lang: 'zh',
    sentiment: SENTIMENTS[i % 3]!,
    sentiment_score: [1, 0, -1][i % 3]!,
    emotion: EMOTIONS[i % EMOTIONS.length]!,
    critical: i % 2,
    stance: STANCES[i % STANCES.length]!,
    topics: JSON.stringify(i % 5 === 0 ? ['traffic', 'fraud'] : ['traffic']),
    story_id: null,
    tag_confidence: null,
    certainty: 1,
    reviewed: 0,
    source: 'api',
    ingested_at: createdAt,
  };
}

/** The counters a stored mention adds (the batch writer's dimensions). */
export function deltasOf(r: NewMention): AggregateDelta[] {
  const d = (dim: string, key: string): AggregateDelta => ({ at: r.created_at, dim, key, n: 1 });
  return [
    d('all', '*'),
    d('sentiment', r.sentiment),
    d('emotion', r.emotion),
    d('stance', r.stance),
    d('lang', r.lang),
    d('platform', r.platform),
    ...(r.critical ? [d('critical', '1')] : []),
    ...(JSON.parse(r.topics) as string[]).map((t) => d('topic', t)),
  ];
}

/** Rows per INSERT (33 columns each, under SQLite's bound-parameter limit). */
const CHUNK = 400;

export async function seedMentions(store: Store, rows: readonly NewMention[]): Promise<void> {
  const perTransaction = 4 * CHUNK;
  for (let i = 0; i < rows.length; i += perTransaction) {
    const batch = rows.slice(i, i + perTransaction);
    await store.write(async (tx) => {
      for (let j = 0; j < batch.length; j += CHUNK) {
        const chunk = batch.slice(j, j + CHUNK);
        await insertMentions(tx, chunk);
        // PostgreSQL: each uid is claimed in mention_keys, which also says which day partition holds it.
        if (store.backend === 'postgres') await tx.insertInto('mention_keys').values(chunk.map((r) => ({ uid: r.uid, created_at: r.created_at }))).execute();
        const topics = chunk.flatMap((r) => (JSON.parse(r.topics) as string[]).map((topic) => ({ topic, created_at: r.created_at, uid: r.uid })));
        for (let k = 0; k < topics.length; k += 5 * CHUNK) await tx.insertInto('mention_topics').values(topics.slice(k, k + 5 * CHUNK)).execute();
        await applyAggregateDeltas(tx, chunk.flatMap(deltasOf));
      }
    });
  }
}

/** A rumour candidate story as the worker leaves it. */
export function storyFixture(id: string, at: number): Database['stories'] {
  return {
    id, root_uid: null, text: 'claim', hash: null, first_seen: at, last_seen: at, posts: 1, replies: 0, supports: 0, queries: 0,
    denies: 0, reach: 0, official_replied: 0, root_official: 0, rumour_score: 0.9, candidate: 1, signals: '{}',
  };
}

/** An incident as the worker opens it. */
export function newIncident(storyId: string, openedAt: number): Omit<IncidentRow, 'id'> {
  return {
    story_id: storyId, opened_at: openedAt, status: 'open', status_note: null, assignee: null, acknowledged_at: null,
    acknowledged_by: null, clarification_uid: null, known_incident_id: null, known_similarity: null, score_at_open: 0.9,
    reasons_at_open: null, story_text: 'claim', updated_at: openedAt, closed_at: null,
  };
}
