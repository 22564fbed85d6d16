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
import { presentMention, type MentionRow } from '../../shared/store/rows.js';
import type { Db } from './open.js';

export class ReviewError extends Error {
  constructor(
    readonly status: 404 | 422,
    message: string,
  ) {
    super(message);
  }
}

interface ReviewRow {
  uid: string;
  tag: ReviewTag;
  old_value: string;
  new_value: string;
  agreed: number;
  confidence: number | null;
  actor: string;
  at: number;
}

const presentReview = (r: ReviewRow): TagReviewView => ({
  tag: r.tag,
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

/**
 * Applies an analyst's verdict to one mention in ONE transaction: each reviewed tag is recorded
 * (correction or confirmation, with the tagger's confidence at the time), a corrected tag is
 * rewritten on the mention, and the per-minute aggregates, topic index and story stance counters
 * move from the old value to the new, so every view shows the same numbers at once. The reviewed
 * tags' confidence becomes 1 and the mention leaves the review queue.
 */
export function applyReview(db: Db, uid: string, body: ReviewBody, actor: string, now: number, knownTopics: ReadonlySet<string>): ReviewResult {
  const unknown = (body.topics ?? []).filter((t) => !knownTopics.has(t));
  if (unknown.length) throw new ReviewError(422, `unknown topic ${unknown.join(', ')}: topics must exist in the topic configuration`);
  const run = db.transaction((): ReviewResult => {
    const row = db.prepare('SELECT * FROM mentions WHERE uid = ?').get(uid) as MentionRow | undefined;
    if (!row) throw new ReviewError(404, `no mention ${uid}`);
    const before = presentMention(row);
    const confidence: TagConfidence = before.tags.confidence ?? { sentiment: 1, emotion: 1, critical: 1, stance: 1 };
    const minute = Math.floor(row.created_at / 60_000);
    const bump = db.prepare('INSERT INTO agg_minute (minute, dim, key, n) VALUES (?, ?, ?, ?) ON CONFLICT (minute, dim, key) DO UPDATE SET n = n + excluded.n');
    const move = (dim: string, from: string | null, to: string | null) => {
      if (from !== null) bump.run(minute, dim, from, -1);
      if (to !== null) bump.run(minute, dim, to, 1);
    };
    const record = db.prepare('INSERT INTO tag_reviews (uid, tag, old_value, new_value, agreed, confidence, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const tag of REVIEW_TAGS) {
      const next = body[tag];
      if (next === undefined) continue;
      const old = tagValue(before, tag);
      const agreed = sameValue(old, next);
      record.run(uid, tag, JSON.stringify(old), JSON.stringify(next), agreed ? 1 : 0, tag === 'topics' ? null : confidence[tag], actor, now);
      if (tag !== 'topics') confidence[tag] = 1;
      if (agreed) continue;
      switch (tag) {
        case 'sentiment': {
          const label = next as MentionView['tags']['sentiment']['label'];
          db.prepare('UPDATE mentions SET sentiment = ?, sentiment_score = ? WHERE uid = ?').run(label, SCORE_OF[label], uid);
          move('sentiment', row.sentiment, label);
          break;
        }
        case 'emotion':
          db.prepare('UPDATE mentions SET emotion = ? WHERE uid = ?').run(next, uid);
          move('emotion', row.emotion, next as string);
          break;
        case 'critical':
          db.prepare('UPDATE mentions SET critical = ? WHERE uid = ?').run(next ? 1 : 0, uid);
          move('critical', row.critical ? '1' : null, next ? '1' : null);
          break;
        case 'stance': {
          db.prepare('UPDATE mentions SET stance = ? WHERE uid = ?').run(next, uid);
          move('stance', row.stance, next as string);
          const responds = !(row.kind !== 'reply' && row.thread_uid === row.uid);
          if (responds && row.story_id) {
            const col = { support: 'supports', query: 'queries', deny: 'denies' } as Record<string, string | undefined>;
            const from = col[row.stance];
            const to = col[next as string];
            if (from) db.prepare(`UPDATE stories SET ${from} = ${from} - 1 WHERE id = ?`).run(row.story_id);
            if (to) db.prepare(`UPDATE stories SET ${to} = ${to} + 1 WHERE id = ?`).run(row.story_id);
          }
          break;
        }
        case 'topics': {
          const oldTopics = new Set(old as string[]);
          const newTopics = new Set(next as string[]);
          db.prepare('UPDATE mentions SET topics = ? WHERE uid = ?').run(JSON.stringify([...newTopics]), uid);
          for (const t of oldTopics) {
            if (newTopics.has(t)) continue;
            db.prepare('DELETE FROM mention_topics WHERE topic = ? AND created_at = ? AND uid = ?').run(t, row.created_at, uid);
            move('topic', t, null);
          }
          for (const t of newTopics) {
            if (oldTopics.has(t)) continue;
            db.prepare('INSERT OR IGNORE INTO mention_topics (topic, created_at, uid) VALUES (?, ?, ?)').run(t, row.created_at, uid);
            move('topic', null, t);
          }
          break;
        }
      }
    }
    db.prepare('UPDATE mentions SET reviewed = 1, tag_confidence = ?, certainty = ? WHERE uid = ?').run(JSON.stringify(confidence), certaintyOf(confidence), uid);
    const after = db.prepare('SELECT * FROM mentions WHERE uid = ?').get(uid) as MentionRow;
    return { mention: presentMention(after), reviews: reviewsOf(db, uid) };
  });
  return run.immediate();
}

export function reviewsOf(db: Db, uid: string): TagReviewView[] {
  return (db.prepare('SELECT * FROM tag_reviews WHERE uid = ? ORDER BY id ASC').all(uid) as ReviewRow[]).map(presentReview);
}

/**
 * The analysts' review queue: unreviewed mentions with a tag below its UNCERTAIN_BELOW mark, the
 * least sure first (in steps of 0.1 of certainty, so that reach decides among similar doubts),
 * then the most engaged. Served by the `mentions_review` index.
 */
export function reviewQueue(db: Db, q: ReviewQueueQuery): MentionView[] {
  const where = ['reviewed = 0', 'certainty < 1'];
  const params: unknown[] = [];
  if (q.from) {
    where.push('created_at >= ?');
    params.push(Date.parse(q.from));
  }
  if (q.to) {
    where.push('created_at < ?');
    params.push(Date.parse(q.to));
  }
  const rows = db
    .prepare(`SELECT * FROM mentions WHERE ${where.join(' AND ')} ORDER BY CAST(certainty * 10 AS INTEGER) ASC, engagement DESC, uid ASC LIMIT ?`)
    .all(...params, q.limit) as MentionRow[];
  return rows.map(presentMention);
}

/** A review of a tag the tagger was unsure of: its confidence was below that tag's mark (topics have none). */
const UNCERTAIN = "confidence < CASE tag WHEN 'sentiment' THEN ? WHEN 'emotion' THEN ? WHEN 'critical' THEN ? WHEN 'stance' THEN ? ELSE -1 END";
const MARKS = CONFIDENCE_TAGS.map((t) => UNCERTAIN_BELOW[t]);

/** Agreement between analysts and the tagger per tag over the last `days` days, by UTC day. */
export function agreementReport(db: Db, days: number, now: number): AgreementReport {
  const since = now - days * 86_400_000;
  const rows = db
    .prepare(
      `SELECT tag, CAST(at / 86400000 AS INTEGER) AS d, COUNT(*) AS n, SUM(agreed) AS agreed,
         SUM(CASE WHEN ${UNCERTAIN} THEN 1 ELSE 0 END) AS un, SUM(CASE WHEN ${UNCERTAIN} THEN agreed ELSE 0 END) AS un_agreed
       FROM tag_reviews WHERE at >= ? GROUP BY tag, d ORDER BY d`,
    )
    .all(...MARKS, ...MARKS, since) as { tag: ReviewTag; d: number; n: number; agreed: number; un: number; un_agreed: number }[];
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

/** Every reviewed mention with the analysts' latest verdict per reviewed tag, as training labels. */
export function* reviewLabels(db: Db): Generator<ReviewLabel> {
  const reviewed = db.prepare(
    `SELECT r.uid, r.tag, r.new_value, r.at FROM tag_reviews r
     WHERE r.id = (SELECT MAX(id) FROM tag_reviews x WHERE x.uid = r.uid AND x.tag = r.tag) ORDER BY r.uid, r.tag`,
  );
  const mention = db.prepare('SELECT * FROM mentions WHERE uid = ?');
  const root = db.prepare('SELECT text FROM mentions WHERE uid = ?');
  let current: ReviewLabel | null = null;
  for (const r of reviewed.iterate() as Iterable<{ uid: string; tag: ReviewTag; new_value: string; at: number }>) {
    if (current && current.uid !== r.uid) {
      yield current;
      current = null;
    }
    if (!current) {
      const m = mention.get(r.uid) as MentionRow | undefined;
      if (!m) continue;
      const rootText = m.thread_uid !== m.uid ? (root.get(m.thread_uid) as { text: string } | undefined)?.text : undefined;
      current = { uid: m.uid, lang: m.lang, kind: m.kind, text: m.text, ...(rootText !== undefined ? { root: rootText } : {}), reviewedAt: new Date(r.at).toISOString() };
    }
    const value = JSON.parse(r.new_value) as never;
    current = { ...current, [r.tag]: value, reviewedAt: new Date(Math.max(Date.parse(current.reviewedAt), r.at)).toISOString() };
  }
  if (current) yield current;
}
