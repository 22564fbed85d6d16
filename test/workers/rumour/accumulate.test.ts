import { describe, expect, it } from 'vitest';
import { emptySignals, observe, parseSignals, recordOfficialAnswer, velocityOf, type RumourObservation } from '../../../workers/rumour/accumulate.js';
import { loadRumourModel } from '../../../workers/rumour/model.js';
import { EARLY_WINDOW, GROWTH_BUCKETS_MAX, TOP_SPREADERS } from '../../../workers/rumour/signals.js';

const model = loadRumourModel();
const T = Date.parse('2025-03-01T01:00:00Z');
const MIN = 60_000;

function obs(i: number, over: Partial<RumourObservation> = {}): RumourObservation {
  return {
    uid: `weibo:m${i}`, kind: 'reply', startsThread: false, text: `reply ${i}`, own: '这是第几条回复', quoted: '', at: T + i * MIN,
    author: { name: `u${i}`, followers: i, verified: false, official: false }, engagement: null, stance: 'comment', emotion: 'none', ...over,
  };
}

describe('story signals accumulation', () => {
  it('stays bounded however long the story runs', () => {
    const s = emptySignals(T);
    observe(s, obs(0, { startsThread: true, kind: 'post' }), model);
    for (let i = 1; i <= 5000; i++) observe(s, obs(i, { kind: i % 2 ? 'reply' : 'repost' }), model);
    expect(s.counts.responses).toBe(5000);
    expect(s.early).toHaveLength(EARLY_WINDOW);
    expect(s.early[0]).toBe(T + MIN);
    expect(s.growth.counts.length).toBeLessThanOrEqual(GROWTH_BUCKETS_MAX);
    expect(s.growth.counts.reduce((a, b) => a + b, 0)).toBe(5001);
    expect(s.topSpreaders).toHaveLength(TOP_SPREADERS);
    expect(s.topSpreaders.map((x) => x.followers)).toEqual([5000, 4998, 4996, 4994, 4992]);
    expect(JSON.stringify(s).length).toBeLessThan(8_000);
  });

  it('keeps the earliest responses even when they arrive late, and moves the curve start back', () => {
    const s = emptySignals(T + 10 * MIN);
    observe(s, obs(10), model);
    observe(s, obs(3), model);
    expect(s.early).toEqual([T + 3 * MIN, T + 10 * MIN]);
    expect(s.t0).toBe(T + 3 * MIN);
    expect(s.growth.start).toBeLessThanOrEqual(T + 3 * MIN);
    expect(s.growth.counts.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('measures velocity and acceleration in story time', () => {
    const s = emptySignals(T);
    // 5 in the first 10 minutes, 20 in the next 10.
    for (let i = 0; i < 5; i++) observe(s, obs(0, { uid: `a${i}`, at: T + i * 2 * MIN }), model);
    for (let i = 0; i < 20; i++) observe(s, obs(0, { uid: `b${i}`, at: T + 10 * MIN + i * 30_000 }), model);
    const v = velocityOf(s.growth, T + 19 * MIN + 59_000, 10);
    expect(v.velocity).toBeCloseTo(2, 1);
    expect(v.acceleration).toBeGreaterThan(3);
  });

  it('splits counts at the official answer, and keeps a late earlier mention on the before side', () => {
    const s = emptySignals(T);
    observe(s, obs(0, { startsThread: true, kind: 'post' }), model);
    for (let i = 1; i <= 4; i++) observe(s, obs(i), model);
    expect(recordOfficialAnswer(s, { uid: 'weibo:ans', at: T + 5 * MIN, text: '辟谣', via: 'post', author: '江城警方', followers: 1 })).toBe(true);
    expect(recordOfficialAnswer(s, { uid: 'weibo:ans2', at: T + 6 * MIN, text: '再次辟谣', via: 'post', author: null, followers: 1 })).toBe(false);
    observe(s, obs(6, { own: '原来是谣言', stance: 'deny' }), model);
    observe(s, obs(2, { uid: 'weibo:late' }), model);
    expect(s.beforeAnswer).toMatchObject({ responses: 5, minutes: 5 });
    expect(s.afterAnswer).toMatchObject({ responses: 1, denies: 1, minutes: 1 });
  });

  it('records an official reply that debunks the claim as the answer, but not an official chat', () => {
    const s = emptySignals(T);
    observe(s, obs(0, { startsThread: true, kind: 'post' }), model);
    const police = { name: '江城警方', followers: 1, verified: true, official: true };
    observe(s, obs(1, { own: '感谢关注', author: police }), model);
    expect(s.officialAnswer).toBeUndefined();
    observe(s, obs(2, { own: '经核查，该信息不实', author: police }), model);
    expect(s.officialAnswer).toMatchObject({ uid: 'weibo:m2', via: 'reply' });
    // The answer is not the crowd's doubt.
    expect(s.counts.denialCue).toBe(0);
  });

  it('rebuilds from an unreadable stored state instead of failing', () => {
    expect(parseSignals('{not json', T).counts.responses).toBe(0);
    expect(parseSignals('{}', T).v).toBe(1);
    const old = emptySignals(T) as unknown as { counts: Record<string, number> };
    delete old.counts.doubt;
    expect(parseSignals(JSON.stringify(old), T).counts.doubt).toBe(0);
  });
});
