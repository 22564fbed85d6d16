import type { IngestSource } from '../../shared/contracts/queue.js';
import { certaintyOf } from '../../shared/contracts/tags.js';
import type { MentionRow, StoryRow } from '../../shared/store/rows.js';
import { assignStory } from '../stories/index.js';
import { createLiveStoryScorer } from '../rumour/live-scorer.js';
import { observationOf } from '../rumour/observation.js';
import { openIncidents } from './incidents.js';
import type { TaggedMention } from '../pipeline/tagged-mention.js';
import type { Db } from './open.js';
import { SqliteStoryIndex } from './sqlite-story-index.js';

export interface BatchWriteResult {
  /** Mentions stored by this call; duplicates of already-stored ones are not here. */
  inserted: MentionRow[];
  duplicates: number;
  /** Mentions older than the retention window: neither stored nor counted. */
  expired: number;
  /** Stories changed by this batch, after their counters and scores were updated. */
  stories: StoryRow[];
  /** Aggregate increments applied: `${minute}|${dim}|${key}` → n. */
  increments: Map<string, number>;
}

const STORY_TEXT_MAX = 280;
const DAY_MS = 86_400_000;

export interface BatchWriterOptions {
  /**
   * YUQING_RETENTION_DAYS. A mention created before the window is skipped like a duplicate:
   * retention may already have deleted it, and storing it again would count it twice.
   */
  retentionDays?: number;
}

/**
 * Writes a batch in ONE transaction keyed by mention uid: a mention already stored is skipped,
 * so a retried, duplicated or redelivered job changes no count. Either the whole batch with its
 * aggregates and story updates commits, or nothing does.
 */
export function createBatchWriter(db: Db, opts: BatchWriterOptions = {}) {
  const index = new SqliteStoryIndex(db);
  const insertMention = db.prepare(`
    INSERT INTO mentions (uid, id, platform, kind, text, created_at, created_at_iso, parent_uid, root_uid,
      thread_uid, author_id, author_name, author_verified, author_official, followers, reposts, comments, likes,
      engagement, region, url, lang, sentiment, sentiment_score, emotion, critical, stance, topics, story_id, source, ingested_at,
      tag_confidence, certainty)
    VALUES (@uid, @id, @platform, @kind, @text, @created_at, @created_at_iso, @parent_uid, @root_uid,
      @thread_uid, @author_id, @author_name, @author_verified, @author_official, @followers, @reposts, @comments, @likes,
      @engagement, @region, @url, @lang, @sentiment, @sentiment_score, @emotion, @critical, @stance, @topics, @story_id, @source, @ingested_at,
      @tag_confidence, @certainty)`);
  const isStored = db.prepare('SELECT 1 FROM mentions WHERE uid = ?');
  const insertTopic = db.prepare('INSERT OR IGNORE INTO mention_topics (topic, created_at, uid) VALUES (?, ?, ?)');
  const bumpAgg = db.prepare(
    'INSERT INTO agg_minute (minute, dim, key, n) VALUES (?, ?, ?, ?) ON CONFLICT (minute, dim, key) DO UPDATE SET n = n + excluded.n',
  );
  const ensureStory = db.prepare(
    'INSERT OR IGNORE INTO stories (id, root_uid, text, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)',
  );
  const bumpStory = db.prepare(`
    UPDATE stories SET
      posts = posts + @posts, replies = replies + @replies, supports = supports + @supports,
      queries = queries + @queries, denies = denies + @denies, reach = reach + @reach,
      official_replied = MAX(official_replied, @official),
      first_seen = MIN(first_seen, @t), last_seen = MAX(last_seen, @t),
      -- Replies can arrive before their root: the story shows the first words seen until the root comes.
      text = CASE WHEN @is_root = 1 AND root_uid IS NULL THEN @text WHEN text = '' THEN @text ELSE text END,
      root_official = CASE WHEN @is_root = 1 AND (root_uid IS NULL OR root_uid = @uid) THEN @root_official ELSE root_official END,
      root_uid = CASE WHEN @is_root = 1 AND root_uid IS NULL THEN @uid ELSE root_uid END
    WHERE id = @story`);
  const rumours = createLiveStoryScorer(db);

  const write = db.transaction((batch: TaggedMention[], source: IngestSource, now: number): BatchWriteResult => {
    const inserted: MentionRow[] = [];
    const increments = new Map<string, number>();
    const scoring = rumours.batch();
    let duplicates = 0;
    let expired = 0;
    const keepFrom = opts.retentionDays === undefined ? -Infinity : now - opts.retentionDays * DAY_MS;
    const bump = (minute: number, dim: string, key: string) => {
      const k = `${minute}|${dim}|${key}`;
      increments.set(k, (increments.get(k) ?? 0) + 1);
    };

    for (const t of batch) {
      const m = t.mention;
      const createdAt = Date.parse(m.createdAt);
      const metrics = m.metrics ?? {};
      const row: MentionRow & { source: string; ingested_at: number } = {
        uid: t.uid,
        id: m.id,
        platform: m.platform,
        kind: m.kind,
        text: m.text,
        created_at: createdAt,
        created_at_iso: m.createdAt,
        parent_uid: t.parentUid,
        root_uid: t.rootUid,
        thread_uid: t.threadUid,
        author_id: m.author?.id ?? null,
        author_name: m.author?.name ?? null,
        author_verified: m.author?.verified ? 1 : 0,
        author_official: m.author?.official ? 1 : 0,
        followers: m.author?.followers ?? 0,
        reposts: metrics.reposts ?? 0,
        comments: metrics.comments ?? 0,
        likes: metrics.likes ?? 0,
        engagement: (metrics.reposts ?? 0) + (metrics.comments ?? 0) + (metrics.likes ?? 0),
        region: m.region ?? null,
        url: m.url ?? null,
        lang: t.tags.lang,
        sentiment: t.tags.sentiment.label,
        sentiment_score: t.tags.sentiment.score,
        emotion: t.tags.emotion,
        critical: t.tags.critical ? 1 : 0,
        stance: t.tags.stance,
        topics: JSON.stringify(t.tags.topics),
        story_id: null,
        tag_confidence: t.tags.confidence ? JSON.stringify(t.tags.confidence) : null,
        certainty: t.tags.confidence ? certaintyOf(t.tags.confidence) : 1,
        reviewed: 0,
        source,
        ingested_at: now,
      };
      if (createdAt < keepFrom) {
        expired++;
        continue;
      }
      // Inside the IMMEDIATE transaction no other writer can store this uid between the check and the insert.
      if (isStored.get(t.uid)) {
        duplicates++;
        continue;
      }
      const storyId = assignStory(
        { uid: t.uid, platform: m.platform, kind: m.kind, rootId: m.rootId, parentId: m.parentId, text: t.normalised },
        index,
      );
      row.story_id = storyId;
      insertMention.run(row);
      const isRoot = m.kind !== 'reply' && t.threadUid === t.uid;
      ensureStory.run(storyId, isRoot ? t.uid : null, isRoot ? m.text.slice(0, STORY_TEXT_MAX) : '', createdAt, createdAt);
      const responds = !isRoot;
      bumpStory.run({
        story: storyId,
        uid: t.uid,
        is_root: isRoot ? 1 : 0,
        text: m.text.slice(0, STORY_TEXT_MAX),
        posts: m.kind === 'reply' ? 0 : 1,
        replies: m.kind === 'reply' ? 1 : 0,
        supports: responds && t.tags.stance === 'support' ? 1 : 0,
        queries: responds && t.tags.stance === 'query' ? 1 : 0,
        denies: responds && t.tags.stance === 'deny' ? 1 : 0,
        reach: row.followers,
        official: responds && row.author_official === 1 ? 1 : 0,
        root_official: row.author_official,
        t: createdAt,
      });
      scoring.add(storyId, observationOf(m, t.uid, t.tags, t.normalised, isRoot));

      for (const topic of t.tags.topics) insertTopic.run(topic, createdAt, t.uid);
      const minute = Math.floor(createdAt / 60_000);
      bump(minute, 'all', '*');
      bump(minute, 'sentiment', row.sentiment);
      bump(minute, 'emotion', row.emotion);
      bump(minute, 'stance', row.stance);
      bump(minute, 'lang', row.lang);
      bump(minute, 'platform', row.platform);
      if (row.critical) bump(minute, 'critical', '1');
      for (const topic of t.tags.topics) bump(minute, 'topic', topic);
      inserted.push(row);
    }

    for (const [k, n] of increments) {
      const [minute, dim, key] = k.split('|') as [string, string, string];
      bumpAgg.run(Number(minute), dim, key, n);
    }
    // Every touched story's rumour signals, score and candidate flag, written back in this transaction.
    const stories: StoryRow[] = scoring.finish();
    // A story that needs clarification opens its one incident in the same transaction (see incidents.ts).
    openIncidents(db, stories.filter((s) => s.candidate === 1), now);
    return { inserted, duplicates, expired, stories, increments };
  });

  return {
    /** IMMEDIATE: take the write lock up front so concurrent workers queue instead of deadlocking on upgrade. */
    write: (batch: TaggedMention[], source: IngestSource, now = Date.now()) => write.immediate(batch, source, now),
  };
}
