import { MENTION_SORTS } from '../../../shared/contracts/api.js';
import { EMOTIONS, SENTIMENTS, STANCES, type Emotion, type SentimentLabel, type Stance } from '../../../shared/contracts/tags.js';
import type { QueryValue } from '../lib/api.js';

export const RANGE_PRESETS = ['1h', '24h', '7d', '30d', 'all', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type MentionSort = (typeof MENTION_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

const RANGE_MS: Record<Exclude<RangePreset, 'all' | 'custom'>, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

export const DEFAULT_RANGE: RangePreset = '24h';

/**
 * The analyst's filters as they live in the page URL (so a view can be shared by link). Custom
 * bounds are instants in ISO form; presets are resolved against the clock only when querying.
 */
export interface AnalystFilters {
  range: RangePreset;
  from?: string;
  to?: string;
  topic?: string;
  sentiment: SentimentLabel[];
  emotion: Emotion[];
  stance: Stance[];
  critical?: boolean;
  platform?: string;
  region?: string;
  story?: string;
  q?: string;
  sort: MentionSort;
  order: SortOrder;
}

export const EMPTY_FILTERS: AnalystFilters = {
  range: DEFAULT_RANGE,
  sentiment: [],
  emotion: [],
  stance: [],
  sort: 'createdAt',
  order: 'desc',
};

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

function listOf<T extends string>(values: readonly T[], v: string | null): T[] {
  if (!v) return [];
  const picked = new Set(v.split(','));
  // Keep the contract's order so equal filters give equal URLs.
  return values.filter((x) => picked.has(x));
}

function text(v: string | null): string | undefined {
  const s = v?.trim();
  return s ? s : undefined;
}

function instant(v: string | null): string | undefined {
  if (!v) return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Reads filters from a URL query; unknown or malformed values fall back to defaults rather than failing. */
export function parseFilters(search: URLSearchParams): AnalystFilters {
  const from = instant(search.get('from'));
  const to = instant(search.get('to'));
  const range = from || to ? 'custom' : (oneOf(RANGE_PRESETS, search.get('range')) ?? DEFAULT_RANGE);
  const critical = search.get('critical');
  return {
    range: range === 'custom' && !from && !to ? DEFAULT_RANGE : range,
    from: range === 'custom' ? from : undefined,
    to: range === 'custom' ? to : undefined,
    topic: text(search.get('topic')),
    sentiment: listOf(SENTIMENTS, search.get('sentiment')),
    emotion: listOf(EMOTIONS, search.get('emotion')),
    stance: listOf(STANCES, search.get('stance')),
    critical: critical === 'true' ? true : critical === 'false' ? false : undefined,
    platform: text(search.get('platform')),
    region: text(search.get('region')),
    story: text(search.get('story')),
    q: text(search.get('q')),
    sort: oneOf(MENTION_SORTS, search.get('sort')) ?? 'createdAt',
    order: oneOf(['asc', 'desc'] as const, search.get('order')) ?? 'desc',
  };
}

function common(f: AnalystFilters): Record<string, QueryValue> {
  return {
    topic: f.topic,
    sentiment: f.sentiment.join(','),
    emotion: f.emotion.join(','),
    stance: f.stance.join(','),
    critical: f.critical === undefined ? undefined : String(f.critical),
    platform: f.platform,
    region: f.region,
    story: f.story,
    q: f.q,
  };
}

/** The URL query that represents `f`, omitting defaults so links stay short. */
export function filtersToSearch(f: AnalystFilters): URLSearchParams {
  const out = new URLSearchParams();
  const entries: Record<string, QueryValue> = {
    range: f.range === 'custom' || f.range === DEFAULT_RANGE ? undefined : f.range,
    from: f.range === 'custom' ? f.from : undefined,
    to: f.range === 'custom' ? f.to : undefined,
    ...common(f),
    sort: f.sort === 'createdAt' ? undefined : f.sort,
    order: f.order === 'desc' ? undefined : f.order,
  };
  for (const [k, v] of Object.entries(entries)) if (v !== undefined && v !== null && v !== '') out.set(k, String(v));
  return out;
}

/**
 * Parameters for GET /api/v1/mentions (and export.csv, which takes the same filters): presets become
 * a `from` relative to `now`.
 */
export function filtersToApiQuery(f: AnalystFilters, now: number): Record<string, QueryValue> {
  let from: string | undefined;
  let to: string | undefined;
  if (f.range === 'custom') {
    from = f.from;
    to = f.to;
  } else if (f.range !== 'all') {
    from = new Date(now - RANGE_MS[f.range]).toISOString();
  }
  return { from, to, ...common(f), sort: f.sort, order: f.order };
}
