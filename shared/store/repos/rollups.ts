import type { Executor } from '../store.js';

/**
 * Counts read from the aggregate tables, never from the mentions: every range is cut into whole
 * UTC days (agg_day), whole UTC hours (agg_hour) and the ragged minutes at its ends (agg_minute),
 * so a zoned day in Asia/Shanghai (UTC+8, boundaries on UTC hours) reads 24 hourly rows per key,
 * a month 30 daily ones, and only the live window and odd edges read minutes.
 */
type Grain = 'minute' | 'hour' | 'day';
const MINUTES: Record<Grain, number> = { minute: 1, hour: 60, day: 1440 };
const MS_PER_MINUTE = 60_000;

/** [from, to) in units of its grain (minute, hour or day numbers since the epoch). */
interface Span {
  grain: Grain;
  from: number;
  to: number;
}

/**
 * The fewest rows' worth of spans covering the minutes [edges[0], edges[last]) whose units never
 * straddle an edge, so that each row read belongs to exactly one output bucket.
 */
export function planSpans(edges: readonly number[]): Span[] {
  const spans: Span[] = [];
  const push = (grain: Grain, fromMin: number, toMin: number) => {
    if (toMin <= fromMin) return;
    const from = fromMin / MINUTES[grain];
    const to = toMin / MINUTES[grain];
    const last = spans.findLast((s) => s.grain === grain);
    if (last && last.to === from) last.to = to;
    else spans.push({ grain, from, to });
  };
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i] as number;
    const b = edges[i + 1] as number;
    const hA = Math.ceil(a / 60) * 60;
    const hB = Math.floor(b / 60) * 60;
    if (hA >= hB) {
      push('minute', a, b);
      continue;
    }
    push('minute', a, hA);
    const dA = Math.ceil(hA / 1440) * 1440;
    const dB = Math.floor(hB / 1440) * 1440;
    if (dA >= dB) push('hour', hA, hB);
    else {
      push('hour', hA, dA);
      push('day', dA, dB);
      push('hour', dB, hB);
    }
    push('minute', hB, b);
  }
  return spans;
}

export interface RollupRow {
  /** First minute of the unit the count is for (with `byUnit`), else null. */
  minute: number | null;
  dim: string;
  key: string;
  n: number;
}

async function readGrain(db: Executor, grain: Grain, spans: Span[], dims: readonly string[], byUnit: boolean): Promise<RollupRow[]> {
  if (spans.length === 0) return [];
  const per = MINUTES[grain];
  if (grain === 'minute') {
    const rows = await db
      .selectFrom('agg_minute')
      .select(['dim', 'key'])
      .select((eb) => eb.fn.sum<number>('n').as('n'))
      .$if(byUnit, (q) => q.select('minute as unit').groupBy('minute'))
      .where('dim', 'in', dims)
      .where((eb) => eb.or(spans.map((s) => eb.and([eb('minute', '>=', s.from), eb('minute', '<', s.to)]))))
      .groupBy(['dim', 'key'])
      .execute();
    return rows.map((r) => ({ minute: byUnit ? (r as { unit: number }).unit : null, dim: r.dim, key: r.key, n: Number(r.n) }));
  }
  const rows = await db
    .selectFrom(grain === 'hour' ? 'agg_hour' : 'agg_day')
    .select(['dim', 'key'])
    .select((eb) => eb.fn.sum<number>('n').as('n'))
    .$if(byUnit, (q) => (grain === 'hour' ? q.select('hour as unit').groupBy('hour') : q.select('day as unit').groupBy('day')))
    .where('dim', 'in', dims)
    .where((eb) => eb.or(spans.map((s) => eb.and([eb(grain === 'hour' ? 'hour' : 'day', '>=', s.from), eb(grain === 'hour' ? 'hour' : 'day', '<', s.to)]))))
    .groupBy(['dim', 'key'])
    .execute();
  return rows.map((r) => ({ minute: byUnit ? (r as { unit: number }).unit * per : null, dim: r.dim, key: r.key, n: Number(r.n) }));
}

/**
 * Counts of `dims` over the minutes [edges[0], edges[last]): per unit read (byUnit, each unit
 * inside one [edges[i], edges[i+1])) or summed per key (the caller adds up the grains).
 * At most three queries, one per grain, run one after another: a request holds one connection at
 * a time, so a burst of summaries never takes every reader from the quick requests (/healthz).
 */
export async function rollupCounts(db: Executor, edges: readonly number[], dims: readonly string[], byUnit: boolean): Promise<RollupRow[]> {
  const spans = planSpans(edges);
  const out: RollupRow[] = [];
  for (const grain of ['day', 'hour', 'minute'] as const) {
    out.push(...(await readGrain(db, grain, spans.filter((s) => s.grain === grain), dims, byUnit)));
  }
  return out;
}

/** Minute numbers of a [from, to) in ms, widened to whole minutes as the counters are kept. */
export function minuteRange(from: number, to: number): [number, number] {
  return [Math.floor(from / MS_PER_MINUTE), Math.ceil(to / MS_PER_MINUTE)];
}

/** Counts by key of one dimension over [from, to) ms, all grains added up, largest first. */
export async function countsByKey(db: Executor, from: number, to: number, dim: string, limit: number): Promise<{ key: string; n: number }[]> {
  const totals = new Map<string, number>();
  for (const r of await rollupCounts(db, minuteRange(from, to), [dim], false)) totals.set(r.key, (totals.get(r.key) ?? 0) + r.n);
  return [...totals]
    .map(([key, n]) => ({ key, n }))
    .filter((r) => r.n !== 0)
    .sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit);
}

/**
 * How many mentions the store holds, cheaply at any size (for /healthz): not COUNT(*) over the
 * mentions but the 'all' counters from the oldest stored mention on. The counters keep counting
 * what retention deleted (old days' charts stay), and retention deletes a prefix in time, so the
 * mentions from the oldest one left are exactly those the counters hold from there: its own minute
 * is counted in the table (one index range), the rest from agg_minute/agg_hour/agg_day. Two
 * statements: a retention batch landing between them can skew one answer by that batch.
 */
export async function storedMentionCount(db: Executor): Promise<number> {
  const oldest = await db.selectFrom('mentions').select((eb) => eb.fn.min<number | null>('created_at').as('t')).executeTakeFirst();
  const t0 = oldest?.t;
  if (t0 === null || t0 === undefined) return 0;
  const m1 = Math.floor(Number(t0) / MS_PER_MINUTE) + 1;
  const h1 = Math.ceil(m1 / 60);
  const d1 = Math.ceil(h1 / 24);
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('mentions')
        .select(eb.fn.countAll<number>().as('n'))
        .where('created_at', '>=', Number(t0))
        .where('created_at', '<', m1 * MS_PER_MINUTE)
        .as('head'),
      eb
        .selectFrom('agg_minute')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('n'), e.lit(0)).as('n'))
        .where('dim', '=', 'all')
        .where('minute', '>=', m1)
        .where('minute', '<', h1 * 60)
        .as('minutes'),
      eb
        .selectFrom('agg_hour')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('n'), e.lit(0)).as('n'))
        .where('dim', '=', 'all')
        .where('hour', '>=', h1)
        .where('hour', '<', d1 * 24)
        .as('hours'),
      eb
        .selectFrom('agg_day')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('n'), e.lit(0)).as('n'))
        .where('dim', '=', 'all')
        .where('day', '>=', d1)
        .as('days'),
    ])
    .executeTakeFirstOrThrow();
  return Number(row.head) + Number(row.minutes) + Number(row.hours) + Number(row.days);
}
