import { beforeAll, describe, expect, it } from 'vitest';
import type { Mention } from '../../../shared/contracts/mention.js';
import { demoMentionsForSecond } from '../../../server/demo/generator.js';
import { CYCLE_SECONDS, clarificationId, rumourRootId } from '../../../server/demo/rumour-cycle.js';

const SEED = 4;
const CYCLE = 944_446; // any cycle works: it is keyed to absolute time
const START = CYCLE * CYCLE_SECONDS;

function cycleMentions(cycle: number): Mention[] {
  const out: Mention[] = [];
  const start = cycle * CYCLE_SECONDS;
  for (let s = start; s < start + CYCLE_SECONDS; s++) out.push(...demoMentionsForSecond({ seed: SEED, ratePerMinute: 120 }, s));
  return out;
}

const minuteOf = (m: Mention) => Math.floor((Date.parse(m.createdAt) / 1000 - START) / 60);

describe('rumour outbreak cycle', () => {
  let all: Mention[];
  let root: Mention;
  let clarification: Mention;
  let repliesToRoot: Mention[];
  const between = (list: Mention[], from: number, to: number) => list.filter((m) => minuteOf(m) >= from && minuteOf(m) < to);

  beforeAll(() => {
    all = cycleMentions(CYCLE);
    const rootId = rumourRootId(SEED, CYCLE);
    const r = all.find((m) => m.id === rootId);
    const c = all.find((m) => m.id === clarificationId(SEED, CYCLE));
    if (!r || !c) throw new Error('root or clarification missing');
    root = r;
    clarification = c;
    repliesToRoot = all.filter((m) => m.kind === 'reply' && m.rootId === rootId);
  });

  it('starts with a root post making an unverified claim', () => {
    expect(root.kind).toBe('post');
    expect(root.rootId).toBeUndefined();
    expect(root.text).toMatch(/网传|听说|据说|紧急扩散|转发周知/);
  });

  it('has replies to the root that ask and that deny, with parent and root ids', () => {
    expect(repliesToRoot.length).toBeGreaterThan(100);
    const texts = repliesToRoot.map((m) => m.text);
    expect(texts.some((t) => /真的假的|有没有官方消息|求辟谣|is this true/i.test(t))).toBe(true);
    expect(texts.some((t) => /假的吧|别传了|辟谣过|谣言/.test(t))).toBe(true);
    expect(texts.some((t) => /太可怕了|我也听说了|吓/.test(t))).toBe(true);
    for (const m of repliesToRoot) expect(m.parentId).toBeDefined();
  });

  it('spreads through repost chains back to the root', () => {
    const reposts = all.filter((m) => m.kind === 'repost' && m.rootId === root.id);
    expect(reposts.length).toBeGreaterThan(50);
    const deep = reposts.filter((m) => (m.text.match(/\/\/@/g) ?? []).length >= 2);
    expect(deep.length).toBeGreaterThan(5);
    expect(deep.some((m) => m.parentId !== root.id)).toBe(true);
    for (const m of reposts) expect(m.text).toContain(root.text);
  });

  it('grows, accelerating, before the clarification', () => {
    const early = between(repliesToRoot, 3, 7).length;
    const middle = between(repliesToRoot, 7, 11).length;
    const late = between(repliesToRoot, 11, 15).length;
    expect(middle).toBeGreaterThan(early);
    expect(late).toBeGreaterThan(middle);
    expect(late - middle).toBeGreaterThan(middle - early);
  });

  it('is clarified by a verified official account after the root, quoting the claim', () => {
    expect(clarification.kind).toBe('post');
    expect(clarification.author?.official).toBe(true);
    expect(clarification.author?.verified).toBe(true);
    expect(Date.parse(clarification.createdAt)).toBeGreaterThan(Date.parse(root.createdAt));
    expect(clarification.text).toMatch(/谣言|辟谣/);
    expect(clarification.text).toMatch(/网传|网民发布/);
  });

  it('decays after the clarification and the replies turn to denial and thanks', () => {
    const clarMinute = minuteOf(clarification);
    const right = between(repliesToRoot, clarMinute, clarMinute + 4).length;
    const later = between(repliesToRoot, clarMinute + 6, clarMinute + 10).length;
    expect(later).toBeLessThan(right / 2);
    expect(between(repliesToRoot, 26, 30).length).toBe(0);

    const relief = /辟谣|谣言|假的|虚惊|放心|谢谢|感谢|造谣|编的|散了|fake|rumour/i;
    const shareRelief = (list: Mention[]) => list.filter((m) => relief.test(m.text)).length / list.length;
    expect(shareRelief(between(repliesToRoot, clarMinute, 25))).toBeGreaterThan(shareRelief(between(repliesToRoot, 2, clarMinute)) + 0.2);

    const thanks = all.filter((m) => m.kind === 'reply' && m.parentId === clarification.id);
    expect(thanks.length).toBeGreaterThan(10);
    expect(thanks.every((m) => m.rootId === clarification.id)).toBe(true);
  });

  it('tells a different story in the next cycle', () => {
    const next = cycleMentions(CYCLE + 1).find((m) => m.id === rumourRootId(SEED, CYCLE + 1));
    expect(next).toBeDefined();
    const keywords = (t: string) => ['人贩子', '自来水', '水库'].filter((k) => t.includes(k));
    expect(keywords(next?.text ?? '')).not.toEqual(keywords(root.text));
  });
});
