import type { IngestSource } from '../../shared/contracts/queue.js';
import { certaintyOf } from '../../shared/contracts/tags.js';
import { AggregateDeltas, applyAggregateDeltas } from '../../shared/store/repos/aggregates.js';
import { addKeywordHits } from '../../shared/store/repos/keyword-hits.js';
import { claimNewUids, insertMentions, insertMentionTopics, type NewMention } from '../../shared/store/repos/mentions.js';
import { ensureStories, saveStories, storiesForUpdate, type StoryStart, type StoryState } from '../../shared/store/repos/stories.js';
import type { MentionRow, StoryRow } from '../../shared/store/rows.js';
import type { Executor, Store } from '../../shared/store/store.js';
import type { KeywordWatch } from '../alerts/keyword-watch.js';
import type { TaggedMention } from '../pipeline/tagged-mention.js';
import { createLiveStoryScorer, type BatchStories } from '../rumour/live-scorer.js';
import { observationOf } from '../rumour/observation.js';
import { assignStory, clusterSignature, type StoryInput } from '../stories/index.js';
import type { StorySignature } from '../stories/signature.js';
import { BatchStoryIndex } from './batch-story-index.js';
import { openIncidents } from './incidents.js';

export interface BatchWriteResult {
  /** Mentions stored by this call; duplicates of already-stored ones are not here. */
  inserted: MentionRow[];
  duplicates: number;
  /** Mentions older than the retention window: neither stored nor counted. */
  expired: number;
  /** Stories changed by this batch, after their counters and scores were updated (with their scorer state). */
  stories: StoryRow[];
}

const STORY_TEXT_MAX = 280;
const DAY_MS = 86_400_000;

export interface BatchWriterOptions {
  /**
   * YUQING_RETENTION_DAYS. A mention created before the window is skipped like a duplicate:
   * retention may already have deleted it, and storing it again would count it twice.
   */
  retentionDays?: number | undefined;
  /** Keyword alert rules: the newly stored mentions' hits are counted in the same transaction. */
  keywords?: KeywordWatch | undefined;
}

/** A mention of the batch, made ready outside the transaction (pure work: it may be retried). */
interface Prepared {
  t: TaggedMention;
  row: NewMention;
  story: StoryInput;
  /**
   * Computed before the transaction for every mention: the costliest pure step, wasted only on a
   * redelivered batch's duplicates, whereas inside the transaction it would hold the store's one
   * write lock that every worker queues for.
   */
  signature: StorySignature | null;
  isRoot: boolean;
}

function rowOf(t: TaggedMention, source: IngestSource, now: number): NewMention {
  const m = t.mention;
  const metrics = m.metrics ?? {};
  return {
    uid: t.uid,
    id: m.id,
    platform: m.platform,
    kind: m.kind,
    text: m.text,
    created_at: Date.parse(m.createdAt),
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
}

/** The uids story assignment may look up for a mention: its own, its root's and its parent's. */
function lookedUp(p: Prepared): string[] {
  const { uid, platform, rootId, parentId } = p.story;
  const out = [uid];
  if (rootId !== undefined) out.push(`${platform}:${rootId}`);
  if (parentId !== undefined) out.push(`${platform}:${parentId}`);
  return out;
}

/**
 * One mention's effect on its story's counters, applied to the row in memory exactly as the
 * per-row UPDATE did (every right-hand side reads the row as it was before this mention).
 */
function countIntoStory(s: StoryState, p: Prepared): void {
  const { row, isRoot } = p;
  const responds = !isRoot;
  const text = row.text.slice(0, STORY_TEXT_MAX);
  const rootWas = s.root_uid;
  s.posts += row.kind === 'reply' ? 0 : 1;
  s.replies += row.kind === 'reply' ? 1 : 0;
  if (responds && row.stance === 'support') s.supports++;
  if (responds && row.stance === 'query') s.queries++;
  if (responds && row.stance === 'deny') s.denies++;
  s.reach += row.followers;
  if (responds && row.author_official === 1) s.official_replied = 1;
  s.first_seen = Math.min(s.first_seen, row.created_at);
  s.last_seen = Math.max(s.last_seen, row.created_at);
  // Replies can arrive before their root: the story shows the first words seen until the root comes.
  if (isRoot && rootWas === null) s.text = text;
  else if (s.text === '') s.text = text;
  if (isRoot && (rootWas === null || rootWas === row.uid)) s.root_official = row.author_official;
  if (isRoot && rootWas === null) s.root_uid = row.uid;
}

/**
 * Writes a batch in ONE transaction keyed by mention uid: a mention already stored is skipped,
 * so a retried, duplicated or redelivered job changes no count. Either the whole batch with its
 * aggregates, story updates, rumour scores and new incidents commits, or nothing does.
 *
 * Every step is a handful of set-wise statements whatever the batch size: claim the new uids,
 * prefetch the story index, create and load the touched stories, then insert mentions, topic
 * rows, index entries, stories, aggregate counters and keyword alert hits in multi-row statements. Story assignment
 * and the rumour scorer work on the batch's rows in memory in between.
 */
export function createBatchWriter(store: Store, opts: BatchWriterOptions = {}) {
  const rumours = createLiveStoryScorer();

  async function inTransaction(tx: Executor, prepared: readonly Prepared[], now: number) {
    const fresh = await claimNewUids(tx, new Map(prepared.map((p) => [p.row.uid, p.row.created_at])));
    const mine = prepared.filter((p) => fresh.has(p.row.uid));
    const duplicates = prepared.length - mine.length;
    if (mine.length === 0) return { inserted: [], duplicates, stories: [] };

    const index = await BatchStoryIndex.load(tx, mine.flatMap(lookedUp), mine.flatMap((p) => p.signature?.bands ?? []));
    const starts = new Map<string, StoryStart>();
    for (const p of mine) {
      const id = assignStory(p.story, index, p.signature);
      p.row.story_id = id;
      if (!starts.has(id)) {
        const t = p.row.created_at;
        starts.set(id, { id, root_uid: p.isRoot ? p.row.uid : null, text: p.isRoot ? p.row.text.slice(0, STORY_TEXT_MAX) : '', first_seen: t, last_seen: t });
      }
    }
    await ensureStories(tx, [...starts.values()]);
    const held = new Map((await storiesForUpdate(tx, [...starts.keys()])).map((s) => [s.id, s]));
    const stories: BatchStories = {
      db: tx,
      get: (id) => held.get(id),
      all: () => held.values(),
      async load(id) {
        const [s] = await storiesForUpdate(tx, [id]);
        if (s) held.set(s.id, s);
        return s;
      },
    };
    const scoring = rumours.batch(stories);
    const aggregates = new AggregateDeltas();
    const topicRows: { topic: string; created_at: number; uid: string }[] = [];
    for (const p of mine) {
      const { row, t } = p;
      const id = row.story_id as string;
      const story = held.get(id) as StoryState;
      const wasClosed = story.official_replied === 1;
      countIntoStory(story, p);
      if (!wasClosed && story.official_replied === 1) index.officialReplied(id, story.candidate === 1);
      scoring.add(id, observationOf(t.mention, t.uid, t.tags, t.normalised, p.isRoot));

      const at = row.created_at;
      for (const topic of t.tags.topics) topicRows.push({ topic, created_at: at, uid: row.uid });
      aggregates.add(at, 'all', '*');
      aggregates.add(at, 'sentiment', row.sentiment);
      aggregates.add(at, 'emotion', row.emotion);
      aggregates.add(at, 'stance', row.stance);
      aggregates.add(at, 'lang', row.lang);
      aggregates.add(at, 'platform', row.platform);
      if (row.critical) aggregates.add(at, 'critical', '1');
      for (const topic of t.tags.topics) aggregates.add(at, 'topic', topic);
    }

    await insertMentions(tx, mine.map((p) => p.row));
    await insertMentionTopics(tx, topicRows);
    await index.flush(tx);
    // Every touched story's rumour signals, score and candidate flag, saved with its counters.
    const scored = await scoring.finish();
    await saveStories(tx, [...held.values()]);
    await applyAggregateDeltas(tx, aggregates);
    // Only `mine` (the uids this transaction claimed): a retried or duplicated batch adds no hit.
    if (opts.keywords) {
      const hits = opts.keywords.hits(
        mine.map(({ row, t }) => ({ uid: row.uid, text: row.text, createdAt: row.created_at, platform: row.platform, lang: row.lang, region: row.region, topics: t.tags.topics })),
      );
      if (hits.size) await addKeywordHits(tx, hits);
    }
    // A story that needs clarification opens its one incident in the same transaction (see incidents.ts).
    await openIncidents(tx, scored, now);
    return { inserted: mine.map((p) => p.row), duplicates, stories: scored };
  }

  return {
    async write(batch: readonly TaggedMention[], source: IngestSource, now = Date.now()): Promise<BatchWriteResult> {
      const keepFrom = opts.retentionDays === undefined ? -Infinity : now - opts.retentionDays * DAY_MS;
      let expired = 0;
      let repeated = 0;
      const seen = new Set<string>();
      const prepared: Prepared[] = [];
      for (const t of batch) {
        const row = rowOf(t, source, now);
        if (row.created_at < keepFrom) {
          expired++;
          continue;
        }
        // The same mention twice in one batch: the first is stored (when new), the rest are duplicates.
        if (seen.has(t.uid)) {
          repeated++;
          continue;
        }
        seen.add(t.uid);
        const m = t.mention;
        const story: StoryInput = { uid: t.uid, platform: m.platform, kind: m.kind, rootId: m.rootId, parentId: m.parentId, text: t.normalised };
        prepared.push({ t, row, story, signature: clusterSignature(story), isRoot: m.kind !== 'reply' && t.threadUid === t.uid });
      }
      const r = await store.write((tx) => inTransaction(tx, prepared, now));
      return { inserted: r.inserted, duplicates: r.duplicates + repeated, expired, stories: r.stories };
    },
  };
}
