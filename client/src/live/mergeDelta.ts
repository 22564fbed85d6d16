import { LIVE_CRITICAL_FEED_SIZE, LIVE_WINDOW_MINUTES, type LiveDelta, type LiveSnapshot } from '../../../shared/contracts/live.js';
import type { KeyCount, MentionView, SeriesPoint, StoryView } from '../../../shared/contracts/views.js';

const MINUTE = 60_000;

/** The client's live state has the snapshot's shape; `seq` is the last message applied. */
export type LiveState = LiveSnapshot;

export type MergeResult =
  | { ok: true; state: LiveState }
  /** A delta was lost (or arrived twice): the state cannot be trusted until the next snapshot. */
  | { ok: false; reason: 'gap'; expected: number; got: number };

/**
 * Applies one delta to the live state without mutating it. The window boundary matches the
 * workers' (the current minute and the LIVE_WINDOW_MINUTES - 1 before it), so points a snapshot
 * would no longer contain are dropped here too.
 */
export function mergeDelta(state: LiveState, delta: LiveDelta, windowMinutes = LIVE_WINDOW_MINUTES): MergeResult {
  if (delta.seq !== state.seq + 1) return { ok: false, reason: 'gap', expected: state.seq + 1, got: delta.seq };
  return {
    ok: true,
    state: {
      seq: delta.seq,
      now: delta.now,
      series: mergeSeries(state.series, delta.series, delta.now, windowMinutes),
      topics: mergeCounts(state.topics, delta.topics),
      totals: {
        total: state.totals.total + delta.totals.total,
        negative: state.totals.negative + delta.totals.negative,
        critical: state.totals.critical + delta.totals.critical,
      },
      critical: mergeCritical(state.critical, delta.critical, delta.criticalGone, oldestMinuteStart(delta.now, windowMinutes)),
      rumours: mergeRumours(state.rumours, delta.rumours),
    },
  };
}

export function oldestMinuteStart(now: number, windowMinutes = LIVE_WINDOW_MINUTES): number {
  return (Math.floor(now / MINUTE) - windowMinutes + 1) * MINUTE;
}

function mergeSeries(points: SeriesPoint[], increments: SeriesPoint[], now: number, windowMinutes: number): SeriesPoint[] {
  const byT = new Map<number, SeriesPoint>();
  for (const p of points) byT.set(p.t, { ...p });
  for (const inc of increments) {
    const p = byT.get(inc.t);
    if (p) {
      p.positive += inc.positive;
      p.neutral += inc.neutral;
      p.negative += inc.negative;
      p.critical += inc.critical;
    } else {
      byT.set(inc.t, { ...inc });
    }
  }
  const oldest = oldestMinuteStart(now, windowMinutes);
  return [...byT.values()].filter((p) => p.t >= oldest).sort((a, b) => a.t - b.t);
}

function mergeCounts(counts: KeyCount[], increments: KeyCount[]): KeyCount[] {
  const byKey = new Map<string, number>();
  for (const c of counts) byKey.set(c.key, c.n);
  for (const c of increments) byKey.set(c.key, (byKey.get(c.key) ?? 0) + c.n);
  return [...byKey]
    .filter(([, n]) => n > 0)
    .map(([key, n]) => ({ key, n }))
    .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}

/** New items first; gone items and items older than the window leave, as they would from a fresh snapshot. */
function mergeCritical(feed: MentionView[], fresh: MentionView[], gone: readonly string[], oldest: number): MentionView[] {
  const seen = new Set([...fresh.map((m) => m.uid), ...gone]);
  const kept = feed.filter((m) => !seen.has(m.uid) && !(Date.parse(m.createdAt) < oldest));
  if (fresh.length === 0 && kept.length === feed.length) return feed;
  // Newest first, as the server lists it (a corrected item keeps its place in time).
  return [...fresh, ...kept].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, LIVE_CRITICAL_FEED_SIZE);
}

function mergeRumours(stories: StoryView[], updates: StoryView[]): StoryView[] {
  if (updates.length === 0) return stories;
  const byId = new Map<string, StoryView>();
  for (const s of stories) byId.set(s.id, s);
  for (const s of updates) byId.set(s.id, s);
  // A story that stopped being a candidate leaves the panel rather than lingering with a stale score.
  return [...byId.values()].filter((s) => s.candidate).sort((a, b) => b.rumourScore - a.rumourScore || b.lastSeen.localeCompare(a.lastSeen));
}

/** Sum of the plotted series (what the volume chart shows), for the accessible total. */
export function seriesTotal(series: SeriesPoint[]): number {
  let n = 0;
  for (const p of series) n += p.positive + p.neutral + p.negative;
  return n;
}
