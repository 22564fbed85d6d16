import { beforeAll, describe, expect, it } from 'vitest';
import type { Mention } from '../../../shared/contracts/mention.js';
import { parseMention } from '../../../shared/contracts/mention.js';
import { demoMentionsForSecond } from '../../../server/demo/generator.js';

// 2023-11-14T22:00:00Z: a cycle boundary (multiple of 1800 s).
const T = 1_700_002_800;
const HOUR = 3600;

function range(opts: { seed: number; ratePerMinute: number }, from: number, seconds: number): Mention[] {
  const out: Mention[] = [];
  for (let s = from; s < from + seconds; s++) out.push(...demoMentionsForSecond(opts, s));
  return out;
}

const hasCjk = (t: string) => /[\u4e00-\u9fff]/.test(t);

describe('demoMentionsForSecond', () => {
  let twoHours: Mention[];
  beforeAll(() => {
    twoHours = range({ seed: 1, ratePerMinute: 120 }, T, 2 * HOUR);
  });

  it('is deterministic per (seed, second), whatever was generated in between', () => {
    const opts = { seed: 42, ratePerMinute: 120 };
    const inRumour = T + 600; // mid-outbreak: scheduled hubs and rumour replies are in play
    const first = demoMentionsForSecond(opts, inRumour);
    demoMentionsForSecond(opts, inRumour + 5 * HOUR); // another cycle, to disturb any cache
    demoMentionsForSecond({ seed: 43, ratePerMinute: 120 }, inRumour);
    expect(demoMentionsForSecond(opts, inRumour)).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
  });

  it('gives different traffic for a different seed', () => {
    const a = range({ seed: 1, ratePerMinute: 120 }, T + 300, 30);
    const b = range({ seed: 2, ratePerMinute: 120 }, T + 300, 30);
    expect(a.map((m) => m.text)).not.toEqual(b.map((m) => m.text));
    const bIds = new Set(b.map((m) => m.id));
    expect(a.some((m) => bIds.has(m.id))).toBe(false);
  });

  it('produces only valid mentions, inside their second, with unique ids, in +08:00', () => {
    const ids = new Set<string>();
    for (const m of twoHours) {
      const parsed = parseMention(m);
      if (!parsed.ok) throw new Error(`${m.id}: ${parsed.error}`);
      expect(m.createdAt.endsWith('+08:00')).toBe(true);
      ids.add(`${m.platform}:${m.id}`);
    }
    expect(ids.size).toBe(twoHours.length);
    const second = T + 1234;
    for (const m of demoMentionsForSecond({ seed: 1, ratePerMinute: 600 }, second)) {
      expect(Math.floor(Date.parse(m.createdAt) / 1000)).toBe(second);
    }
  });

  it('lists a second in time order, anything answering in the same second after what it answers', () => {
    for (let s = T; s < T + 1800; s++) {
      const times = demoMentionsForSecond({ seed: 5, ratePerMinute: 300 }, s).map((m) => m.createdAt);
      expect(times).toEqual([...times].sort());
    }
  });

  it('hangs replies and reposts on mentions that exist earlier in the stream', () => {
    const opts = { seed: 9, ratePerMinute: 120 };
    const warmup = range(opts, T - 1200, 1200); // slotted official/big-V posts may predate the window
    const window = range(opts, T, HOUR);
    const seen = new Map<string, string>(warmup.map((m) => [m.id, m.createdAt]));
    let checked = 0;
    for (const m of window) {
      if (m.kind !== 'post') {
        expect(m.parentId, m.id).toBeDefined();
        expect(m.rootId, m.id).toBeDefined();
        const parentAt = seen.get(m.parentId ?? '');
        expect(parentAt, `${m.id} → ${m.parentId}`).toBeDefined();
        expect(Date.parse(parentAt ?? '') <= Date.parse(m.createdAt)).toBe(true);
        expect(seen.has(m.rootId ?? '')).toBe(true);
        checked++;
      }
      seen.set(m.id, m.createdAt);
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('yields about ratePerMinute × 60 mentions an hour', () => {
    for (const [seed, rate] of [[1, 120], [7, 30], [11, 600]] as const) {
      const n = seed === 1 ? twoHours.filter((m) => Date.parse(m.createdAt) < (T + HOUR) * 1000).length : range({ seed, ratePerMinute: rate }, T + 900, HOUR).length;
      expect(n).toBeGreaterThan(rate * 60 * 0.9);
      expect(n).toBeLessThan(rate * 60 * 1.1);
    }
  });

  it('is mostly Chinese with some English, and English standalone posts come from twitter', () => {
    const english = twoHours.filter((m) => !hasCjk(m.text));
    const share = english.length / twoHours.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.25);
    for (const m of twoHours.filter((x) => x.platform === 'twitter')) {
      expect(hasCjk(m.text)).toBe(false);
      expect(m.kind).toBe('post');
    }
  });

  it('has Weibo texture: critical comments, //@ chains, [emoticons], #hashtags#, @mentions, slang', () => {
    const share = (re: RegExp) => twoHours.filter((m) => re.test(m.text)).length / twoHours.length;
    expect(share(/不作为|态度恶劣|推诿|暴力执法|態度還很差/)).toBeGreaterThan(0.01);
    expect(share(/ \/\/@[^:]+: /)).toBeGreaterThan(0.1);
    expect(share(/\[(泪|怒|哈哈|赞|doge|吃瓜|允悲)\]/)).toBeGreaterThan(0.1);
    expect(share(/#[^#\s]+#/)).toBeGreaterThan(0.1);
    expect(share(/@江城(警方|交警|网警|反诈中心)/)).toBeGreaterThan(0.02);
    expect(share(/吃瓜|破防|yyds|蚌埠住了|绝绝子/)).toBeGreaterThan(0.01);
  });

  it('has ordinary, big-V and official authors with heavy-tailed followers', () => {
    const authors = new Map(twoHours.map((m) => [m.author?.id ?? '', m.author]));
    const list = [...authors.values()].filter((a) => a !== undefined);
    expect(list.filter((a) => a.official && a.verified).length).toBeGreaterThanOrEqual(3);
    expect(list.filter((a) => a.verified && !a.official).length).toBeGreaterThanOrEqual(3);
    const followers = list.filter((a) => !a.verified).map((a) => a.followers ?? 0).sort((a, b) => a - b);
    const median = followers[Math.floor(followers.length / 2)] ?? 0;
    const max = followers[followers.length - 1] ?? 0;
    expect(max).toBeGreaterThan(median * 100);
  });

  it('rarely repeats a post word for word', () => {
    const posts = twoHours.filter((m) => m.kind === 'post');
    const distinct = new Set(posts.map((m) => m.text)).size;
    expect(1 - distinct / posts.length).toBeLessThan(0.06);
  });

  it('emits only the scheduled posts at rate 0', () => {
    const quiet = range({ seed: 1, ratePerMinute: 0 }, T, 1800);
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.length).toBeLessThan(30);
    expect(quiet.every((m) => !/^demo1-\d+-\d+$/.test(m.id))).toBe(true);
  });
});
