import type { MentionKind } from '../contracts/mention.js';
import { readStoredSignals, type StoredSignals } from '../contracts/rumour-signals.js';
import { tagConfidenceSchema, type Emotion, type SentimentLabel, type Stance, type TagConfidence } from '../contracts/tags.js';
import type { AnswerPhaseView, MentionView, StoryView } from '../contracts/views.js';

/** A row of the `mentions` table as better-sqlite3 returns it. */
export interface MentionRow {
  uid: string;
  id: string;
  platform: string;
  kind: MentionKind;
  text: string;
  created_at: number;
  created_at_iso: string;
  parent_uid: string | null;
  root_uid: string | null;
  thread_uid: string;
  author_id: string | null;
  author_name: string | null;
  author_verified: number;
  author_official: number;
  followers: number;
  reposts: number;
  comments: number;
  likes: number;
  engagement: number;
  region: string | null;
  url: string | null;
  lang: string;
  sentiment: SentimentLabel;
  sentiment_score: number;
  emotion: Emotion;
  critical: number;
  stance: Stance;
  topics: string;
  story_id: string | null;
  /** JSON TagConfidence, null for mentions stored before tags carried it. */
  tag_confidence: string | null;
  /** `certaintyOf(tag_confidence)` (below 1: some tag uncertain; 1 when unknown): the review queue's filter and order. */
  certainty: number;
  reviewed: number;
}

function parseConfidence(json: string | null): TagConfidence | undefined {
  if (!json) return undefined;
  const r = tagConfidenceSchema.safeParse(JSON.parse(json));
  return r.success ? r.data : undefined;
}

export interface StoryRow {
  id: string;
  root_uid: string | null;
  text: string;
  first_seen: number;
  last_seen: number;
  posts: number;
  replies: number;
  supports: number;
  queries: number;
  denies: number;
  reach: number;
  official_replied: number;
  root_official: number;
  rumour_score: number;
  candidate: number;
  /** The rumour scorer's state and explanation as JSON (workers/rumour/signals.ts); absent when not selected. */
  signals?: string;
}

/** The id part of a `platform:id` uid (ids may themselves contain ':'). */
function idOf(uid: string | null): string | null {
  if (uid === null) return null;
  const i = uid.indexOf(':');
  return i < 0 ? uid : uid.slice(i + 1);
}

/** The one place a stored mention is shaped for output (API, CSV, live channel). */
export function presentMention(r: MentionRow): MentionView {
  return {
    uid: r.uid,
    id: r.id,
    platform: r.platform,
    kind: r.kind,
    text: r.text,
    createdAt: r.created_at_iso,
    parentId: idOf(r.parent_uid),
    rootId: idOf(r.root_uid),
    author: {
      id: r.author_id,
      name: r.author_name,
      verified: r.author_verified === 1,
      official: r.author_official === 1,
      followers: r.followers,
    },
    metrics: { reposts: r.reposts, comments: r.comments, likes: r.likes },
    engagement: r.engagement,
    region: r.region,
    url: r.url,
    tags: {
      lang: r.lang,
      sentiment: { label: r.sentiment, score: r.sentiment_score },
      emotion: r.emotion,
      critical: r.critical === 1,
      stance: r.stance,
      topics: JSON.parse(r.topics) as string[],
      ...(r.story_id ? { storyId: r.story_id } : {}),
      ...withConfidence(parseConfidence(r.tag_confidence)),
    },
    reviewed: r.reviewed === 1,
  };
}

const withConfidence = (c: TagConfidence | undefined): { confidence?: TagConfidence } => (c ? { confidence: c } : {});

export function presentStory(r: StoryRow): StoryView {
  return {
    id: r.id,
    text: r.text,
    rootUid: r.root_uid,
    firstSeen: new Date(r.first_seen).toISOString(),
    lastSeen: new Date(r.last_seen).toISOString(),
    posts: r.posts,
    replies: r.replies,
    supports: r.supports,
    queries: r.queries,
    denies: r.denies,
    reach: r.reach,
    officialReplied: r.official_replied === 1,
    rumourScore: r.rumour_score,
    candidate: r.candidate === 1,
    ...presentSignals(r.signals),
  };
}

/**
 * The part of the scorer's JSON a reader needs (its schema: shared/contracts/rumour-signals.ts).
 * A story stored before the scorer, or with a state the schema refuses, shows no explanation.
 */
type SignalsPart = Pick<
  StoryView,
  'needsClarification' | 'reasons' | 'flaggedAt' | 'velocity' | 'acceleration' | 'growth' | 'topSpreaders' | 'officialAnswer' | 'answerEffect' | 'answersStoryId'
>;

type StoredPhase = NonNullable<StoredSignals['beforeAnswer']>;

function phase(p: StoredPhase): AnswerPhaseView {
  return { ...p, minutes: Math.round(p.minutes * 10) / 10, perMinute: Math.round((p.minutes >= 1 ? p.responses / p.minutes : p.responses) * 100) / 100 };
}

function presentSignals(json: string | undefined): SignalsPart {
  const s = readStoredSignals(json);
  if (!s) return {};
  const a = s.officialAnswer;
  return {
    needsClarification: s.needsClarification === true,
    reasons: s.reasons ?? [],
    flaggedAt: s.flaggedAt !== undefined ? new Date(s.flaggedAt).toISOString() : null,
    velocity: s.velocity ?? 0,
    acceleration: s.acceleration ?? 1,
    ...(s.growth ? { growth: { start: new Date(s.growth.start).toISOString(), widthMinutes: s.growth.width, counts: s.growth.counts } } : {}),
    topSpreaders: s.topSpreaders ?? [],
    officialAnswer: a ? { ...a, at: new Date(a.at).toISOString(), storyId: a.storyId ?? null } : null,
    answerEffect: s.beforeAnswer && s.afterAnswer ? { before: phase(s.beforeAnswer), after: phase(s.afterAnswer) } : null,
    answersStoryId: s.answers ?? null,
  };
}
