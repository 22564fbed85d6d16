import { LIVE_CRITICAL_FEED_SIZE, LIVE_WINDOW_MINUTES, type BatchDelta } from '../../shared/contracts/live.js';
import type { SeriesPoint } from '../../shared/contracts/views.js';
import { presentMention, presentStory } from '../../shared/store/rows.js';
import type { BatchWriteResult } from '../store/write-batch.js';

/**
 * The live view's share of a committed batch: per-minute counts and topics inside the live window,
 * the new critical mentions and the rumour candidates it touched. Only newly stored mentions count,
 * so a redelivered batch publishes nothing.
 */
export function buildBatchDelta(result: BatchWriteResult, now: number): BatchDelta | null {
  if (result.inserted.length === 0) return null;
  const oldest = Math.floor(now / 60_000) - LIVE_WINDOW_MINUTES + 1;
  const points = new Map<number, SeriesPoint>();
  const topics = new Map<string, number>();
  const totals = { total: 0, negative: 0, critical: 0 };
  for (const r of result.inserted) {
    const minute = Math.floor(r.created_at / 60_000);
    if (minute < oldest) continue;
    let p = points.get(minute);
    if (!p) points.set(minute, (p = { t: minute * 60_000, positive: 0, neutral: 0, negative: 0, critical: 0 }));
    p[r.sentiment]++;
    totals.total++;
    if (r.sentiment === 'negative') totals.negative++;
    if (r.critical) {
      p.critical++;
      totals.critical++;
    }
    for (const t of JSON.parse(r.topics) as string[]) topics.set(t, (topics.get(t) ?? 0) + 1);
  }
  const critical = result.inserted
    .filter((r) => r.critical === 1 && Math.floor(r.created_at / 60_000) >= oldest)
    .sort((a, b) => b.created_at - a.created_at)
    .slice(0, LIVE_CRITICAL_FEED_SIZE)
    .map(presentMention);
  return {
    series: [...points.values()].sort((a, b) => a.t - b.t),
    topics: [...topics].map(([key, n]) => ({ key, n })),
    totals,
    critical,
    rumours: result.stories.filter((s) => s.candidate === 1).map(presentStory),
  };
}
