import type { DailySummary } from '../../shared/contracts/views.js';
import { presentMention, presentStory } from '../../shared/store/rows.js';
import { topCritical } from '../../shared/store/repos/mentions.js';
import { leadingStories, rumourCandidates } from '../../shared/store/repos/stories.js';
import type { Executor } from '../../shared/store/store.js';
import { addDays, zoneOffsetMinutes, zonedDayRange } from '../../shared/time/zoned-day.js';
import { breakdown, sentimentSeries, totalsOf } from './stats.js';

/**
 * The leader's daily summary for one calendar day in the deployment's time zone: every count from
 * the rollups (hourly rows for a zone whose days start on a UTC hour), the top lists by index.
 * The reads run one after another: a summary holds one store connection at a time, so a burst of
 * them never starves the quick requests (/healthz, the live view) of connections.
 */
export async function dailySummary(db: Executor, date: string, timeZone: string): Promise<DailySummary> {
  const day = zonedDayRange(date, timeZone);
  const prev = zonedDayRange(addDays(date, -1), timeZone);
  const offset = zoneOffsetMinutes(timeZone, day.from);
  const hourly = await sentimentSeries(db, day.from, day.to, 60, offset);
  const { positive, neutral, negative, critical, total } = totalsOf(hourly);
  const previous = totalsOf(await sentimentSeries(db, prev.from, prev.to, 60, offset));
  const topics = await breakdown(db, day.from, day.to, 'topic', 15);
  const emotions = await breakdown(db, day.from, day.to, 'emotion', 10);
  const critiques = await topCritical(db, day.from, day.to, 10);
  const stories = await leadingStories(db, day.from, day.to, 10);
  const rumours = await rumourCandidates(db, 20, day.from);
  return {
    date,
    timezone: timeZone,
    totals: { total, positive, neutral, negative, critical },
    previous,
    hourly,
    topics,
    emotions,
    topCritical: critiques.map(presentMention),
    stories: stories.map(presentStory),
    rumours: rumours.map(presentStory).filter((s) => Date.parse(s.firstSeen) < day.to),
  };
}
