import { describe, expect, it } from 'vitest';
import { bucketMinutesFor, clarificationEffect, type EffectMention } from '../../../server/incidents/effect.js';

const MIN = 60_000;
const AT = Date.UTC(2026, 0, 10, 8, 0, 0);

const m = (minutesFromClarification: number, kind: EffectMention['kind'], stance: EffectMention['stance'] = 'comment', followers = 0): EffectMention => ({
  created_at: AT + minutesFromClarification * MIN,
  kind,
  stance,
  followers,
});

describe('clarification effect', () => {
  it('compares the hour before with the hour after: velocity, deny share and reach', () => {
    const story: EffectMention[] = [
      m(-90, 'post', 'support', 5000), // the rumour's root, outside the before-window
      ...Array.from({ length: 30 }, (_, i) => m(-59 + i, 'repost', 'support', 1000)),
      ...Array.from({ length: 10 }, (_, i) => m(-40 + i, 'reply', i < 2 ? 'deny' : i < 5 ? 'query' : 'comment', 50)),
      ...Array.from({ length: 6 }, (_, i) => m(5 + i * 5, 'reply', i < 4 ? 'deny' : 'comment', 50)),
      m(70, 'reply', 'deny'), // after the after-window: counts in the share, not in the velocity
    ];
    const thread = [m(0, 'post', 'support', 800_000), m(2, 'repost', 'support', 200_000), m(3, 'reply', 'comment', 99_999_999)];
    const e = clarificationEffect({ clarificationUid: 'weibo:c1', source: 'linked', at: AT, now: AT + 3 * 60 * MIN, story, clarificationThread: thread });
    expect(e.windowMinutes).toBe(60);
    expect(e.velocity).toEqual({ before: 40, after: 6 });
    expect(e.mentions).toEqual({ before: 41, after: 7 });
    expect(e.responses).toEqual({ before: 40, after: 7 });
    expect(e.denyShare).toEqual({ before: 0.05, after: 0.714 });
    expect(e.queryShare).toEqual({ before: 0.075, after: 0 });
    // Replies reach no followers of their own.
    expect(e.reach).toEqual({ clarification: 1_000_000, rumour: 35_000 });
    expect(e.source).toBe('linked');
    expect(e.at).toBe(new Date(AT).toISOString());
    expect(e.series.reduce((s, p) => s + p.n, 0)).toBe(story.length);
    expect(e.series.length).toBeLessThanOrEqual(61);
  });

  it('uses equal shorter windows while the first hour after the clarification is still running', () => {
    const story = [m(-20, 'repost'), m(-10, 'repost'), m(-5, 'repost'), m(-1, 'repost'), m(2, 'reply', 'deny'), m(25, 'repost')];
    const e = clarificationEffect({ clarificationUid: 'weibo:c', source: 'detected', at: AT, now: AT + 10 * MIN, story, clarificationThread: [] });
    expect(e.windowMinutes).toBe(10);
    // 3 in the ten minutes before (−10, −5, −1), 1 in the ten after: per hour.
    expect(e.velocity).toEqual({ before: 18, after: 6 });
    expect(e.denyShare.after).toBe(0.5);
    expect(e.reach.clarification).toBe(0);
  });

  it('has no shares to report without responses', () => {
    const e = clarificationEffect({ clarificationUid: 'weibo:c', source: 'linked', at: AT, now: AT + 60 * MIN, story: [m(-3, 'post')], clarificationThread: [] });
    expect(e.denyShare).toEqual({ before: null, after: null });
    expect(e.velocity.after).toBe(0);
  });

  it('chooses a bucket that keeps the chart to about 60 points', () => {
    expect(bucketMinutesFor(30 * MIN)).toBe(1);
    expect(bucketMinutesFor(3 * 60 * MIN)).toBe(5);
    expect(bucketMinutesFor(3 * 24 * 60 * MIN)).toBe(120);
  });
});
