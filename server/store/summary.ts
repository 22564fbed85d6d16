import type { DailySummary } from '../../shared/contracts/views.js';
import { addDays, zoneOffsetMinutes, zonedDayRange } from '../../shared/time/zoned-day.js';
import type { Db } from './open.js';
import { breakdown, largestStories, rumourCandidates, sentimentSeries, topCritical, totalsOf } from './stats.js';

/** The leader's daily summary for one calendar day in the deployment's time zone. */
export function dailySummary(db: Db, date: string, timeZone: string): DailySummary {
  const day = zonedDayRange(date, timeZone);
  const prev = zonedDayRange(addDays(date, -1), timeZone);
  const offset = zoneOffsetMinutes(timeZone, day.from);
  const hourly = sentimentSeries(db, day.from, day.to, 60, offset);
  const { positive, neutral, negative, critical, total } = totalsOf(hourly);
  const previous = totalsOf(sentimentSeries(db, prev.from, prev.to, 60, offset));
  return {
    date,
    timezone: timeZone,
    totals: { total, positive, neutral, negative, critical },
    previous,
    hourly,
    topics: breakdown(db, day.from, day.to, 'topic', 15),
    emotions: breakdown(db, day.from, day.to, 'emotion', 10),
    topCritical: topCritical(db, day.from, day.to, 10),
    stories: largestStories(db, day.from, day.to, 10),
    rumours: rumourCandidates(db, 20, day.from).filter((s) => Date.parse(s.firstSeen) < day.to),
  };
}
