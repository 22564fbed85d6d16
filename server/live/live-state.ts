import { LIVE_CRITICAL_FEED_SIZE, LIVE_WINDOW_MINUTES, type LiveDelta } from '../../shared/contracts/live.js';
import type { KeyCount, LiveTotals, MentionView, SeriesPoint, StoryView } from '../../shared/contracts/views.js';
import { presentMention, presentStory } from '../../shared/store/rows.js';
import { latestCritical } from '../../shared/store/repos/mentions.js';
import { rumourCandidates } from '../../shared/store/repos/stories.js';
import type { Executor } from '../../shared/store/store.js';
import { breakdown, sentimentSeries, totalsOf } from '../store/stats.js';

export interface LiveState {
  series: SeriesPoint[];
  topics: KeyCount[];
  totals: LiveTotals;
  critical: MentionView[];
  rumours: StoryView[];
}

const MINUTE = 60_000;
const RUMOUR_HORIZON_MS = 48 * 3600_000;

/** The live view's whole state, read from the store: the last hour, the critical feed, open rumours. */
export async function readLiveState(db: Executor, now: number): Promise<LiveState> {
  const to = (Math.floor(now / MINUTE) + 1) * MINUTE;
  const from = to - LIVE_WINDOW_MINUTES * MINUTE;
  const series = await sentimentSeries(db, from, to, 1);
  const { total, negative, critical } = totalsOf(series);
  return {
    series,
    topics: await breakdown(db, from, to, 'topic', 30),
    totals: { total, negative, critical },
    critical: (await latestCritical(db, from, LIVE_CRITICAL_FEED_SIZE)).map(presentMention),
    rumours: (await rumourCandidates(db, 20, now - RUMOUR_HORIZON_MS)).map(presentStory),
  };
}

/** What a client holding `prev` must add to reach `next` (see LiveDelta). */
export function diffLiveState(prev: LiveState, next: LiveState): Omit<LiveDelta, 'seq' | 'now'> {
  const before = new Map(prev.series.map((p) => [p.t, p]));
  const series: SeriesPoint[] = [];
  for (const p of next.series) {
    const b = before.get(p.t);
    const d = {
      t: p.t,
      positive: p.positive - (b?.positive ?? 0),
      neutral: p.neutral - (b?.neutral ?? 0),
      negative: p.negative - (b?.negative ?? 0),
      critical: p.critical - (b?.critical ?? 0),
    };
    if (!b || d.positive || d.neutral || d.negative || d.critical) series.push(d);
  }
  const topicBefore = new Map(prev.topics.map((t) => [t.key, t.n]));
  const topics: KeyCount[] = [];
  for (const t of next.topics) {
    const n = t.n - (topicBefore.get(t.key) ?? 0);
    topicBefore.delete(t.key);
    if (n !== 0) topics.push({ key: t.key, n });
  }
  for (const [key, n] of topicBefore) topics.push({ key, n: -n });
  const sentBefore = new Map(prev.critical.map((m) => [m.uid, JSON.stringify(m)]));
  const stillThere = new Set(next.critical.map((m) => m.uid));
  const prevStories = new Map(prev.rumours.map((s) => [s.id, JSON.stringify(s)]));
  return {
    series,
    topics,
    totals: {
      total: next.totals.total - prev.totals.total,
      negative: next.totals.negative - prev.totals.negative,
      critical: next.totals.critical - prev.totals.critical,
    },
    critical: next.critical.filter((m) => sentBefore.get(m.uid) !== JSON.stringify(m)),
    criticalGone: prev.critical.filter((m) => !stillThere.has(m.uid)).map((m) => m.uid),
    rumours: next.rumours.filter((s) => prevStories.get(s.id) !== JSON.stringify(s)),
  };
}
