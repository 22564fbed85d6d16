import { CONFIDENCE_TAGS, certaintyOf, UNCERTAIN_BELOW, type TagConfidence } from '../../shared/contracts/tags.js';
import {
  REVIEW_TAGS,
  tagValue,
  type AgreementReport,
  type ReviewBody,
  type ReviewLabel,
  type ReviewQueueQuery,
  type ReviewResult,
  type ReviewTag,
  type TagAgreement,
  type TagReviewView,
} from '../../shared/contracts/review.js';
import type { MentionView } from '../../shared/contracts/views.js';
import { presentMention } from '../../shared/store/rows.js';
import { applyAggregateDeltas, type AggregateDelta } from '../../shared/store/repos/aggregates.js';
import { mentionByUid } from '../../shared/store/repos/mentions.js';
import {
  addMentionTopic,
  agreementRows,
  insertTagReview,
  latestVerdicts,
  mentionsByUids,
  mentionTexts,
  removeMentionTopic,
  reviewQueueRows,
  tagReviewsOf,
  updateMentionTags,
  type TagReviewRow,
} from '../../shared/store/repos/reviews.js';
import { moveStanceCounter, type StanceCounter } from '../../shared/store/repos/stories.js';
import type { Executor, Store } from '../../shared/store/store.js';

export class ReviewError extends Error {
  constructor(
    readonly status: 404 | 422,
    message: string,
  ) {
    super(message);
  }
}

const presentReview = (r: TagReviewRow): TagReviewView => ({
  tag: r.tag as ReviewTag,
  from: JSON.parse(r.old_value) as unknown,
  to: JSON.parse(r.new_value) as unknown,
  agreed: r.agreed === 1,
  confidence: r.confidence,
  actor: r.actor,
  at: new Date(r.at).toISOString(),
});

const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(Array.isArray(a) ? [...(a as string[])].sort() : a) === JSON.stringify(Array.isArray(b) ? [...(b as string[])].sort() : b);

/** An analyst's verdict is certain: the score follows the corrected label. */
const SCORE_OF = { positive: 1, neutral: 0, negative: -1 } as const;
const STANCE_COUNTER: Record<string, StanceCounter | undefined> = { support: 'supports', query: 'queries', deny: 'denies' };

/**
 * Applies an analyst's verdict to one mention in ONE transaction: each reviewed tag is recorded
 * (correction or confirmation, with the tagger's confidence at the time), a corrected tag is
 * rewritten on the mention, and the aggregates (minute, hour and day), topic index and story
 * stance counters move from the old value to the new, so every view shows the same numbers at
 * once. The reviewed tags' confidence becomes 1 and the mention leaves the review queue.
 */
export async function applyReview(
  store: Store,
  uid: string,
  body: ReviewBody,
  actor: string,
  now: number,
  knownTopics: ReadonlySet<string>,
): Promise<ReviewResult> {
  const unknown = (body.topics ?? []).filter((t) => !knownTopics.has(t));
  if (unknown.length) throw new ReviewError(422, `unknown topic ${unknown.join(', ')}: topics must exist in the topic configuration`);
  return store.write(async (tx) => {
    const row = await mentionByUid(tx, uid);
    if (!row) throw new ReviewError(404, `no mention ${uid}`);
    const before = presentMention(row);
    const confidence: TagConfidence = before.tags.confidence ?? { sentiment: 1, emotion: 1, critical: 1, stance: 1 };
    const deltas: AggregateDelta[] = [];
    const move = (dim: string, from: string | null, to: string | null) => {
      if (from !== null) deltas.push({ at: row.created_at, dim, key: from, n: -1 });
      if (to !== null) deltas.push({ at: row.created_at, dim, key: to, n: 1 });
    };
    for (const tag of REVIEW_TAGS) {
      const next = body[tag];
      if (next === undefined) continue;
      const old = tagValue(before, tag);
      const agreed = sameValue(old, next);
      await insertTagReview(tx, {
        uid,
        tag,
        old_value: JSON.stringify(old),
        new_value: JSON.stringify(next),
        agreed: agreed ? 1 : 0,
        confidence: tag === 'topics' ? null : confidence[tag],
        actor,
        at: now,
      });
      if (tag !== 'topics') confidence[tag] = 1;
      if (agreed) continue;
      switch (tag) {
        case 'sentiment': {
          const label = next as MentionView['tags']['sentiment']['label'];
          await updateMentionTags(tx, uid, { sentiment: label, sentiment_score: SCORE_OF[label] });
          move('sentiment', row.sentiment, label);
          break;
        }
        case 'emotion': {
          const emotion = next as MentionView['tags']['emotion'];
          await updateMentionTags(tx, uid, { emotion });
          move('emotion', row.emotion, emotion);
          break;
        }
        case 'critical':
          await updateMentionTags(tx, uid, { critical: next ? 1 : 0 });
          move('critical', row.critical ? '1' : null, next ? '1' : null);
          break;
        case 'stance': {
          const stance = next as MentionView['tags']['stance'];
          await updateMentionTags(tx, uid, { stance });
          move('stance', row.stance, stance);
          const responds = !(row.kind !== 'reply' && row.thread_uid === row.uid);
          if (responds && row.story_id) await moveStanceCounter(tx, row.story_id, STANCE_COUNTER[row.stance], STANCE_COUNTER[stance]);
          break;
        }
        case 'topics': {
          const oldTopics = new Set(old as string[]);
          const newTopics = new Set(next as string[]);
          await updateMentionTags(tx, uid, { topics: JSON.stringify([...newTopics]) });
          for (const t of oldTopics) {
            if (newTopics.has(t)) continue;
            await removeMentionTopic(tx, t, row.created_at, uid);
            move('topic', t, null);
          }
          for (const t of newTopics) {
            if (oldTopics.has(t)) continue;
            await addMentionTopic(tx, t, row.created_at, uid);
            move('topic', null, t);
          }
          break;
        }
      }
    }
    await applyAggregateDeltas(tx, deltas);
    await updateMentionTags(tx, uid, { reviewed: 1, tag_confidence: JSON.stringify(confidence), certainty: certaintyOf(confidence) });
    const after = await mentionByUid(tx, uid);
    return { mention: presentMention(after!), reviews: await reviewsOf(tx, uid) };
  });
}

export async function reviewsOf(db: Executor, uid: string): Promise<TagReviewView[]> {
  return (await tagReviewsOf(db, uid)).map(presentReview);
}

/** The analysts' review queue: unreviewed mentions with a tag below its UNCERTAIN_BELOW mark (see reviewQueueRows). */
export async function reviewQueue(db: Executor, q: ReviewQueueQuery): Promise<MentionView[]> {
  const rows = await reviewQueueRows(db, q.from ? Date.parse(q.from) : undefined, q.to ? Date.parse(q.to) : undefined, q.limit);
  return rows.map(presentMention);
}

const MARKS: Record<string, number> = Object.fromEntries(CONFIDENCE_TAGS.map((t) => [t, UNCERTAIN_BELOW[t]]));

/** Agreement between analysts and the tagger per tag over the last `days` days, by UTC day. */
export async function agreementReport(db: Executor, days: number, now: number): Promise<AgreementReport> {
  const since = now - days * 86_400_000;
  const rows = await agreementRows(db, since, MARKS);
  const tags: TagAgreement[] = REVIEW_TAGS.map((tag) => {
    const mine = rows.filter((r) => r.tag === tag);
    const reviewed = mine.reduce((s, r) => s + r.n, 0);
    const agreed = mine.reduce((s, r) => s + r.agreed, 0);
    const un = mine.reduce((s, r) => s + r.un, 0);
    const unAgreed = mine.reduce((s, r) => s + r.un_agreed, 0);
    return {
      tag,
      reviewed,
      agreed,
      rate: reviewed ? Math.round((agreed / reviewed) * 1000) / 1000 : null,
      uncertain: { reviewed: un, agreed: unAgreed },
      confident: { reviewed: reviewed - un, agreed: agreed - unAgreed },
      days: mine.map((r) => ({ day: new Date(r.d * 86_400_000).toISOString().slice(0, 10), reviewed: r.n, agreed: r.agreed })),
    };
  });
  return { since: new Date(since).toISOString(), tags };
}

const LABEL_PAGE = 500;

/**
 * Every reviewed mention with the analysts' latest verdict per reviewed tag, as training labels,
 * read in keyset pages of verdicts (no statement open between pages).
 */
export async function* reviewLabels(db: Executor): AsyncGenerator<ReviewLabel> {
  let after: { uid: string; tag: string } | null = null;
  let current: ReviewLabel | null = null;
  let currentUid: string | null = null;
  for (;;) {
    const verdicts = await latestVerdicts(db, after, LABEL_PAGE);
    if (verdicts.length === 0) break;
    const mentions = new Map((await mentionsByUids(db, verdicts.map((v) => v.uid))).map((m) => [m.uid, m]));
    const roots = await mentionTexts(db, [...mentions.values()].filter((m) => m.thread_uid !== m.uid).map((m) => m.thread_uid));
    for (const r of verdicts) {
      if (currentUid !== r.uid) {
        if (current) yield current;
        current = null;
        currentUid = r.uid;
        const m = mentions.get(r.uid);
        if (m) {
          const rootText = m.thread_uid !== m.uid ? roots.get(m.thread_uid) : undefined;
          current = { uid: m.uid, lang: m.lang, kind: m.kind, text: m.text, ...(rootText !== undefined ? { root: rootText } : {}), reviewedAt: new Date(r.at).toISOString() };
        }
      }
      if (!current) continue;
      const value = JSON.parse(r.new_value) as never;
      current = { ...current, [r.tag]: value, reviewedAt: new Date(Math.max(Date.parse(current.reviewedAt), r.at)).toISOString() };
    }
    const last = verdicts[verdicts.length - 1]!;
    after = { uid: last.uid, tag: last.tag };
    if (verdicts.length < LABEL_PAGE) break;
  }
  if (current) yield current;
}
