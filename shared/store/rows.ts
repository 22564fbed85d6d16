import type { MentionKind } from '../contracts/mention.js';
import type { Emotion, SentimentLabel, Stance } from '../contracts/tags.js';
import type { MentionView, StoryView } from '../contracts/views.js';

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
    },
  };
}

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
  };
}
