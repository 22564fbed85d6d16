import { describe, expect, it } from 'vitest';
import { mergeDelta, oldestMinuteStart, seriesTotal, type LiveState } from '../../client/src/live/mergeDelta.js';
import { LIVE_CRITICAL_FEED_SIZE, type LiveDelta } from '../../shared/contracts/live.js';
import type { MentionView, SeriesPoint, StoryView } from '../../shared/contracts/views.js';

const MIN = 60_000;
// A fixed instant inside a minute, so the window boundary is not on the edge by accident.
const NOW = Date.UTC(2026, 10, 24, 8, 30, 20);
const CUR = Math.floor(NOW / MIN) * MIN;

const point = (t: number, positive = 0, neutral = 0, negative = 0, critical = 0): SeriesPoint => ({ t, positive, neutral, negative, critical });

function mention(uid: string): MentionView {
  return {
    uid,
    id: uid.split(':')[1] ?? uid,
    platform: 'weibo',
    kind: 'reply',
    text: `text ${uid}`,
    createdAt: new Date(NOW).toISOString(),
    parentId: null,
    rootId: null,
    author: { id: 'a', name: 'A', verified: false, official: false, followers: 0 },
    metrics: { reposts: 0, comments: 0, likes: 0 },
    engagement: 0,
    region: null,
    url: null,
    tags: { lang: 'zh', sentiment: { label: 'negative', score: -0.5 }, emotion: 'anger', critical: true, stance: 'comment', topics: [] },
    reviewed: false,
  };
}

function story(id: string, rumourScore: number, candidate = true): StoryView {
  return {
    id,
    text: id,
    rootUid: null,
    firstSeen: new Date(NOW).toISOString(),
    lastSeen: new Date(NOW).toISOString(),
    posts: 1,
    replies: 0,
    supports: 0,
    queries: 0,
    denies: 0,
    reach: 0,
    officialReplied: false,
    rumourScore,
    candidate,
  };
}

function snapshot(over: Partial<LiveState> = {}): LiveState {
  return {
    seq: 10,
    now: NOW,
    series: [point(CUR - 2 * MIN, 1, 2, 3, 1), point(CUR - MIN, 0, 1, 0, 0)],
    topics: [
      { key: 'traffic', n: 5 },
      { key: 'fraud', n: 2 },
    ],
    totals: { total: 7, negative: 3, critical: 1 },
    critical: [mention('weibo:1')],
    rumours: [story('s1', 0.5)],
    ...over,
  };
}

function delta(over: Partial<LiveDelta> = {}): LiveDelta {
  return { seq: 11, now: NOW, series: [], topics: [], totals: { total: 0, negative: 0, critical: 0 }, critical: [], criticalGone: [], rumours: [], ...over };
}

function merged(state: LiveState, d: LiveDelta): LiveState {
  const r = mergeDelta(state, d);
  if (!r.ok) throw new Error(`unexpected gap: expected ${r.expected}, got ${r.got}`);
  return r.state;
}

describe('mergeDelta', () => {
  it('replaces a corrected critical item in place and drops the ones the server says are gone', () => {
    const newer = { ...mention('weibo:2'), createdAt: new Date(NOW + 1000).toISOString() };
    const base = snapshot({ critical: [newer, mention('weibo:1')] });
    const corrected = { ...mention('weibo:1'), tags: { ...mention('weibo:1').tags, emotion: 'sadness' as const } };
    const s = merged(base, delta({ critical: [corrected] }));
    expect(s.critical.map((m) => m.uid)).toEqual(['weibo:2', 'weibo:1']);
    expect(s.critical[1]!.tags.emotion).toBe('sadness');
    expect(merged(base, delta({ criticalGone: ['weibo:2'] })).critical.map((m) => m.uid)).toEqual(['weibo:1']);
  });

  it('adds counts to the point with the same minute and appends new minutes in order', () => {
    const s = merged(snapshot(), delta({ series: [point(CUR, 1, 0, 0, 0), point(CUR - MIN, 2, 0, 1, 1)] }));
    expect(s.series).toEqual([point(CUR - 2 * MIN, 1, 2, 3, 1), point(CUR - MIN, 2, 1, 1, 1), point(CUR, 1, 0, 0, 0)]);
    expect(s.seq).toBe(11);
  });

  it('does not mutate the state it was given', () => {
    const before = snapshot();
    const copy = structuredClone(before);
    merged(before, delta({ series: [point(CUR - MIN, 5, 5, 5, 5)], topics: [{ key: 'traffic', n: 1 }] }));
    expect(before).toEqual(copy);
  });

  it('drops points that left the window as time moves on', () => {
    const state = snapshot({ series: [point(oldestMinuteStart(NOW), 4), point(CUR, 1)] });
    const later = NOW + MIN; // the oldest minute is now outside the window
    const s = merged(state, delta({ now: later }));
    expect(s.series.map((p) => p.t)).toEqual([CUR]);
    expect(s.now).toBe(later);
  });

  it('keeps the window at the same boundary the workers use (current minute and 59 before it)', () => {
    expect(oldestMinuteStart(NOW, 60)).toBe(CUR - 59 * MIN);
    const s = merged(snapshot({ series: [] }), delta({ series: [point(CUR - 59 * MIN, 1), point(CUR - 60 * MIN, 1)] }));
    expect(s.series.map((p) => p.t)).toEqual([CUR - 59 * MIN]);
  });

  it('adds topic counts, removes topics that fall to zero and sorts largest first', () => {
    const s = merged(
      snapshot(),
      delta({
        topics: [
          { key: 'fraud', n: 4 },
          { key: 'traffic', n: -5 },
          { key: 'rumour', n: 1 },
        ],
      }),
    );
    expect(s.topics).toEqual([
      { key: 'fraud', n: 6 },
      { key: 'rumour', n: 1 },
    ]);
  });

  it('adds totals, including negative increments as old minutes leave the window', () => {
    const s = merged(snapshot(), delta({ totals: { total: -2, negative: 1, critical: 0 } }));
    expect(s.totals).toEqual({ total: 5, negative: 4, critical: 1 });
  });

  it('prepends new critical mentions, without duplicates, capped at the feed size', () => {
    const fresh = Array.from({ length: LIVE_CRITICAL_FEED_SIZE }, (_, i) => mention(`weibo:n${i}`));
    const s = merged(snapshot(), delta({ critical: [mention('weibo:x'), mention('weibo:1')] }));
    expect(s.critical.map((m) => m.uid)).toEqual(['weibo:x', 'weibo:1']);
    const full = merged(s, delta({ seq: 12, critical: fresh }));
    expect(full.critical).toHaveLength(LIVE_CRITICAL_FEED_SIZE);
    expect(full.critical[0]?.uid).toBe('weibo:n0');
    expect(full.critical.some((m) => m.uid === 'weibo:x')).toBe(false);
  });

  it('drops critical mentions that left the window', () => {
    const old = { ...mention('weibo:old'), createdAt: new Date(CUR - 59 * MIN).toISOString() };
    const state = snapshot({ critical: [mention('weibo:1'), old] });
    expect(merged(state, delta()).critical.map((m) => m.uid)).toEqual(['weibo:1', 'weibo:old']);
    expect(merged(state, delta({ now: NOW + MIN })).critical.map((m) => m.uid)).toEqual(['weibo:1']);
  });

  it('replaces rumours by id, adds new ones, drops ones no longer candidates, highest score first', () => {
    const state = snapshot({ rumours: [story('s1', 0.5), story('s2', 0.4)] });
    const s = merged(state, delta({ rumours: [story('s1', 0.9), story('s3', 0.6), story('s2', 0.4, false)] }));
    expect(s.rumours.map((r) => [r.id, r.rumourScore])).toEqual([
      ['s1', 0.9],
      ['s3', 0.6],
    ]);
  });

  it('reports a gap when a delta is missing or repeated, and changes nothing', () => {
    const state = snapshot();
    expect(mergeDelta(state, delta({ seq: 13 }))).toEqual({ ok: false, reason: 'gap', expected: 11, got: 13 });
    expect(mergeDelta(state, delta({ seq: 10 }))).toMatchObject({ ok: false, reason: 'gap' });
  });

  it('applies a run of deltas so the plotted total equals the counts sent', () => {
    let s = snapshot();
    const start = seriesTotal(s.series);
    for (let i = 1; i <= 5; i++) s = merged(s, delta({ seq: 10 + i, series: [point(CUR, 1, 1, 1, 0)] }));
    expect(seriesTotal(s.series) - start).toBe(15);
    expect(s.series.at(-1)).toEqual(point(CUR, 5, 5, 5, 0));
  });
});
