import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersToApiQuery, filtersToSearch, parseFilters } from '../../client/src/analyst/filters.js';
import { mentionQuerySchema } from '../../shared/contracts/api.js';

const NOW = Date.UTC(2026, 10, 24, 8, 0, 0);

describe('analyst filters', () => {
  it('reads defaults from an empty query and writes an empty query back', () => {
    const f = parseFilters(new URLSearchParams(''));
    expect(f).toEqual(EMPTY_FILTERS);
    expect(filtersToSearch(f).toString()).toBe('');
  });

  it('round-trips every filter through the URL', () => {
    const search = new URLSearchParams(
      'q=辟谣&topic=traffic&sentiment=negative,neutral&emotion=anger&stance=query,deny&critical=true&platform=weibo&region=海淀&story=s1&sort=engagement&order=asc&range=7d',
    );
    const f = parseFilters(search);
    expect(f).toMatchObject({
      q: '辟谣',
      range: '7d',
      sentiment: ['neutral', 'negative'],
      stance: ['deny', 'query'],
      critical: true,
      sort: 'engagement',
      order: 'asc',
    });
    expect(parseFilters(filtersToSearch(f))).toEqual(f);
  });

  it('ignores values the API would reject instead of failing the page', () => {
    const f = parseFilters(new URLSearchParams('sentiment=angry,negative&sort=random&order=up&critical=maybe&range=1y&from=yesterday'));
    expect(f.sentiment).toEqual(['negative']);
    expect(f.sort).toBe('createdAt');
    expect(f.order).toBe('desc');
    expect(f.critical).toBeUndefined();
    expect(f.range).toBe('24h');
  });

  it('treats explicit bounds as a custom range', () => {
    const f = parseFilters(new URLSearchParams('from=2026-11-24T00:00:00%2B08:00&to=2026-11-24T12:00:00%2B08:00'));
    expect(f.range).toBe('custom');
    expect(f.from).toBe('2026-11-23T16:00:00.000Z');
    expect(filtersToApiQuery(f, NOW)).toMatchObject({ from: '2026-11-23T16:00:00.000Z', to: '2026-11-24T04:00:00.000Z' });
  });

  it('resolves a preset against the given clock', () => {
    const q = filtersToApiQuery({ ...EMPTY_FILTERS, range: '1h' }, NOW);
    expect(q.from).toBe('2026-11-24T07:00:00.000Z');
    expect(q.to).toBeUndefined();
    expect(filtersToApiQuery({ ...EMPTY_FILTERS, range: 'all' }, NOW).from).toBeUndefined();
  });

  it('produces queries the server schema accepts', () => {
    const f = parseFilters(new URLSearchParams('q=警察&sentiment=negative&emotion=anger,fear&stance=query&critical=false&topic=traffic&sort=sentiment&order=asc'));
    const params = Object.fromEntries(
      Object.entries(filtersToApiQuery(f, NOW))
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => [k, String(v)]),
    );
    const parsed = mentionQuerySchema.safeParse(params);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toMatchObject({ q: '警察', critical: false, emotion: ['anger', 'fear'], sort: 'sentiment', order: 'asc' });
  });
});
