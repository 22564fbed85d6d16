import { RESPONSE_MARK_HOURS } from '../../contracts/incidents.js';
import type { ReportKind, Report, ReportPeriod, ReportRumour, ReportSeriesPoint, ReportTotals } from '../../contracts/reports.js';
import { analystLink, incidentLink } from '../../reports/links.js';
import { daysOf, previousPeriod, reportPeriod } from '../../reports/period.js';
import { wallTime, zonedDayRange } from '../../time/zoned-day.js';
import type { Executor } from '../store.js';
import { readBureau, readTopicNames } from './report-settings.js';
import { countedBefore, sentimentCounts, topTopics, type SliceCount } from './report-counts.js';
import { incidentsDuring, type IncidentHandling } from './report-incidents.js';
import { leadingStories, storiesById, storyMentionCount, topCriticalMentions } from './report-mentions.js';

const HOUR = 3_600_000;
const LIMITS = { topics: 10, stories: 8, rumours: 20, critical: 5 } as const;

export interface BuildReportOptions {
  kind: ReportKind;
  /** The day, or the Monday of the week. */
  date: string;
  timeZone: string;
  /** Overrides the bureau named in settings (tests, previews). */
  bureau?: Report['bureau'];
  /** The generation time (injectable so reports of fixture data are reproducible). */
  now?: number;
}

interface Bucket {
  from: number;
  to: number;
  label: string;
  sum: { total: number; negative: number; critical: number };
}

/** Zoned hours of the day (23 or 25 on a daylight-saving change) or zoned days of the week. */
function bucketsOf(p: ReportPeriod): Bucket[] {
  const zero = () => ({ total: 0, negative: 0, critical: 0 });
  if (p.kind === 'week') {
    return daysOf(p).map((d) => ({ ...zonedDayRange(d, p.timeZone), label: d, sum: zero() }));
  }
  const out: Bucket[] = [];
  for (let t = Date.parse(p.from); t < Date.parse(p.to); t += HOUR) {
    out.push({ from: t, to: Math.min(t + HOUR, Date.parse(p.to)), label: String(wallTime(p.timeZone, t).hour).padStart(2, '0'), sum: zero() });
  }
  return out;
}

/** Totals over slices, counted the way GET /summary counts them (total = the three sentiments). */
function totalsOf(slices: SliceCount[], p: ReportPeriod): ReportTotals {
  const n = { positive: 0, neutral: 0, negative: 0, critical: 0 };
  for (const s of slices) {
    if (s.dim === 'critical') n.critical += s.n;
    else if (s.key === 'positive' || s.key === 'neutral' || s.key === 'negative') n[s.key] += s.n;
  }
  const link = (f: Parameters<typeof analystLink>[2] = {}) => analystLink(p.from, p.to, f);
  return {
    total: { n: n.positive + n.neutral + n.negative, link: link() },
    positive: { n: n.positive, link: link({ sentiment: 'positive' }) },
    neutral: { n: n.neutral, link: link({ sentiment: 'neutral' }) },
    negative: { n: n.negative, link: link({ sentiment: 'negative' }) },
    critical: { n: n.critical, link: link({ critical: true }) },
  };
}

function seriesOf(slices: SliceCount[], p: ReportPeriod): ReportSeriesPoint[] {
  const buckets = bucketsOf(p);
  for (const s of slices) {
    const b = buckets.find((x) => s.t >= x.from && s.t < x.to);
    if (!b) continue;
    if (s.dim === 'critical') b.sum.critical += s.n;
    else if (s.key === 'positive' || s.key === 'neutral' || s.key === 'negative') {
      b.sum.total += s.n;
      if (s.key === 'negative') b.sum.negative += s.n;
    }
  }
  return buckets.map((b) => {
    const from = new Date(b.from).toISOString();
    const to = new Date(b.to).toISOString();
    return {
      t: from,
      label: b.label,
      total: { n: b.sum.total, link: analystLink(from, to) },
      negative: { n: b.sum.negative, link: analystLink(from, to, { sentiment: 'negative' }) },
      critical: { n: b.sum.critical, link: analystLink(from, to, { critical: true }) },
    };
  });
}

async function rumourOf(db: Executor, h: IncidentHandling, p: ReportPeriod, now: number): Promise<ReportRumour> {
  const { row } = h;
  const story = (await storiesById(db, [row.story_id])).get(row.story_id);
  const effect = story?.answerEffect;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const clarifiedAt = h.clarifiedAt ?? (story?.officialAnswer ? Date.parse(story.officialAnswer.at) : null);
  return {
    incidentId: row.id,
    storyId: row.story_id,
    text: row.story_text,
    status: row.status,
    openedAt: new Date(row.opened_at).toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    clarifiedAt: iso(clarifiedAt),
    closedAt: iso(row.closed_at),
    firstResponseAt: iso(h.firstResponseAt),
    firstResponseMinutes: h.firstResponseAt === null ? null : Math.round((h.firstResponseAt - row.opened_at) / 60_000),
    marks: RESPONSE_MARK_HOURS.map((hours) => {
      const due = row.opened_at + hours * HOUR;
      const met = h.firstResponseAt !== null ? h.firstResponseAt <= due : now >= due ? false : null;
      return { hours, met };
    }),
    effect: effect
      ? { beforePerMinute: effect.before.perMinute, afterPerMinute: effect.after.perMinute, worked: effect.after.perMinute < effect.before.perMinute }
      : null,
    mentions: {
      n: await storyMentionCount(db, row.story_id, Date.parse(p.from), Date.parse(p.to)),
      link: analystLink(p.from, p.to, { story: row.story_id }),
    },
    link: incidentLink(row.id),
  };
}

/**
 * Everything a daily or weekly report says, read from the store: counts from the rollups, cut at
 * the report's zoned hours or days (the same reads, so the same numbers, as GET /summary), the leading stories and the critical comments
 * with the widest reach from mentions (bounded by the period's index range and a LIMIT), and the
 * rumour incidents with their history.
 */
export async function buildReport(db: Executor, opts: BuildReportOptions): Promise<Report> {
  const now = opts.now ?? Date.now();
  const period = reportPeriod(opts.kind, opts.date, opts.timeZone);
  const prev = previousPeriod(period);
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const edges = [...bucketsOf(period).map((b) => b.from), to];
  const [slices, prevSlices, hasPrevious, topics, stories, incidents, critical, bureau, names] = await Promise.all([
    sentimentCounts(db, edges),
    sentimentCounts(db, [Date.parse(prev.from), Date.parse(prev.to)]),
    countedBefore(db, from),
    topTopics(db, from, to, LIMITS.topics),
    leadingStories(db, from, to, LIMITS.stories),
    incidentsDuring(db, from, to, LIMITS.rumours),
    topCriticalMentions(db, from, to, LIMITS.critical),
    opts.bureau ? Promise.resolve(opts.bureau) : readBureau(db),
    readTopicNames(db),
  ]);
  const rumours: ReportRumour[] = [];
  for (const h of incidents) rumours.push(await rumourOf(db, h, period, now));
  const criticalLink = analystLink(period.from, period.to, { critical: true, sort: 'engagement' });
  return {
    version: 1,
    period,
    previousPeriod: prev,
    bureau,
    generatedAt: new Date(now).toISOString(),
    totals: totalsOf(slices, period),
    previous: hasPrevious ? totalsOf(prevSlices, prev) : null,
    topics: topics.map((t) => ({ ...t, name: names.get(t.key) ?? { zh: t.key, en: t.key }, link: analystLink(period.from, period.to, { topic: t.key }) })),
    stories: stories.map(({ story, n }) => ({
      id: story.id,
      text: story.text,
      n,
      posts: story.posts,
      replies: story.replies,
      reach: story.reach,
      link: analystLink(period.from, period.to, { story: story.id }),
    })),
    rumours,
    critical: critical.map((m) => ({
      uid: m.uid,
      text: m.text,
      author: m.author_name,
      platform: m.platform,
      createdAt: new Date(m.created_at).toISOString(),
      followers: m.followers,
      engagement: m.engagement,
      link: criticalLink,
    })),
    series: { unit: period.kind === 'day' ? 'hour' : 'day', points: seriesOf(slices, period) },
  };
}
