import type { DemoAuthor } from './authors.js';
import { BIG_V, OFFICIAL, someEnglishUser, someOrdinaryUser } from './authors.js';
import type { Draft } from './draft.js';
import { postMetrics, replyMetrics, repostText } from './draft.js';
import type { FixedSlots } from './fill.js';
import { fillTemplate } from './fill.js';
import type { Rng } from './random.js';
import { chance, hash32, intBetween, pick, rngFor, weighted } from './random.js';
import type { RumourScenario } from './rumour-scenarios.js';
import {
  EN_AFTER, EN_DENY, EN_QUERY, EN_SUPPORT, GENERIC_AFTER, GENERIC_DENY, GENERIC_QUERY, GENERIC_SPREAD,
  GENERIC_STUBBORN, GENERIC_SUPPORT, GENERIC_THANKS, SCENARIOS,
} from './rumour-scenarios.js';

/**
 * The rumour outbreak cycle, keyed to absolute time so any second can be generated alone.
 * Every 30 simulated minutes (aligned to :00 and :30 UTC, so :00/:30 in Beijing too):
 *   minute 2      the root post makes an unverified claim;
 *   minutes 2–15  reposts and replies grow, accelerating (quadratic), carried by a few "hub" reposts;
 *   minute 15     a verified official account posts the clarification (辟谣 / 警情通报);
 *   minutes 15–25 replies turn to denial and thanks and the volume decays exponentially;
 *   minutes 25–30 quiet.
 * Scenarios rotate from cycle to cycle, so consecutive outbreaks differ.
 */
export const CYCLE_SECONDS = 1800;
export const ROOT_AT = 120;
export const CLARIFY_AT = 900;
export const FADE_END = 1500;
const GROWTH_FLOOR = 0.03;
const DECAY_SECONDS = 150;

/** Share of all generated traffic that belongs to rumour threads, averaged over a cycle. */
export const RUMOUR_SHARE = 0.22;

/** Relative intensity of rumour traffic at `t` seconds into a cycle (peak 1). */
export function rumourShape(t: number): number {
  if (t <= ROOT_AT || t >= FADE_END) return 0;
  if (t < CLARIFY_AT) {
    const x = (t - ROOT_AT) / (CLARIFY_AT - ROOT_AT);
    return GROWTH_FLOOR + (1 - GROWTH_FLOOR) * x * x;
  }
  return Math.exp(-(t - CLARIFY_AT) / DECAY_SECONDS);
}

const SHAPE_MEAN = (() => {
  let sum = 0;
  for (let t = 0; t < CYCLE_SECONDS; t++) sum += rumourShape(t);
  return sum / CYCLE_SECONDS;
})();

/** Mean rumour-thread mentions in `second`, given the overall mean per second. */
export function rumourMean(perSecond: number, second: number): number {
  return (perSecond * RUMOUR_SHARE * rumourShape(cycleOffset(second))) / SHAPE_MEAN;
}

export function cycleIndex(second: number): number {
  return Math.floor(second / CYCLE_SECONDS);
}

export function cycleOffset(second: number): number {
  return second - cycleIndex(second) * CYCLE_SECONDS;
}

/** Id of the rumour root of a cycle: later seconds point at it without regenerating anything. */
export function rumourRootId(seed: number, cycle: number): string {
  return `demo${seed}-r${cycle}`;
}

export function clarificationId(seed: number, cycle: number): string {
  return `demo${seed}-c${cycle}`;
}

export interface ScheduledItem {
  second: number;
  draft: Draft & { id: string };
}

export interface RumourCycle {
  cycle: number;
  scenario: RumourScenario;
  slots: FixedSlots;
  root: ScheduledItem;
  /** Reposts that carry the cascade; later reposts chain through them (`//@hub: … //@root: …`). */
  hubs: ScheduledItem[];
  clarification: ScheduledItem;
  /** Other accounts reposting the clarification. */
  clarificationReposts: ScheduledItem[];
}

const SPREADER_V = BIG_V.filter((a) => a.name === '江城热点' || a.name === '城事观察员' || a.name === '老城区生活圈' || a.name === '评论员阿宽');

function repostItem(id: string, second: number, author: DemoAuthor, comment: string, parent: ScheduledItem, rootId: string): ScheduledItem {
  return {
    second,
    draft: { id, platform: 'weibo', kind: 'repost', text: repostText(comment, parent.draft), ms: 0, author, parentId: parent.draft.id, rootId },
  };
}

function buildCycle(seed: number, cycle: number): RumourCycle {
  const rng = rngFor(seed, 'rumour', cycle);
  const n = SCENARIOS.length;
  // Rotate scenarios by cycle; the seed shifts which one comes first.
  const scenario = SCENARIOS[(((cycle + (hash32(`${seed}`) % n)) % n) + n) % n];
  if (!scenario) throw new Error('no rumour scenarios');
  const slots: FixedSlots = {
    ...scenario.cycleSlots(rng),
    surname: fillTemplate('{surname}', rng),
    age: fillTemplate('{age}', rng),
  };
  const start = cycle * CYCLE_SECONDS;
  const rootId = rumourRootId(seed, cycle);
  const rootAuthor = someOrdinaryUser(rng, seed);
  const root: ScheduledItem = {
    second: start + ROOT_AT,
    draft: {
      id: rootId, platform: 'weibo', kind: 'post', text: fillTemplate(pick(rng, scenario.roots), rng, slots), ms: 0,
      author: rootAuthor, metrics: { reposts: intBetween(rng, 800, 6000), comments: intBetween(rng, 500, 3000), likes: intBetween(rng, 300, 4000) },
    },
  };
  const spread = (r: Rng) => fillTemplate(pick(r, scenario.spreaderComments), r, slots);
  const generic = (r: Rng) => fillTemplate(pick(r, GENERIC_SPREAD), r, slots);
  const h0 = repostItem(`${rootId}-h0`, start + ROOT_AT + intBetween(rng, 40, 100), pick(rng, SPREADER_V), spread(rng), root, rootId);
  const h1 = repostItem(`${rootId}-h1`, start + intBetween(rng, 250, 360), someOrdinaryUser(rng, seed), generic(rng), root, rootId);
  const h2 = repostItem(`${rootId}-h2`, start + intBetween(rng, 420, 540), someOrdinaryUser(rng, seed), generic(rng), h0, rootId);
  const h3 = repostItem(`${rootId}-h3`, start + intBetween(rng, 600, 740), pick(rng, SPREADER_V), spread(rng), h1, rootId);

  const clarifier = OFFICIAL[scenario.clarifier];
  const clarId = clarificationId(seed, cycle);
  const clarification: ScheduledItem = {
    second: start + CLARIFY_AT,
    draft: {
      id: clarId, platform: 'weibo', kind: 'post', text: fillTemplate(pick(rng, scenario.clarification), rng, slots), ms: 0,
      author: clarifier, metrics: postMetrics(rng, clarifier.followers),
    },
  };
  const c0 = repostItem(`${clarId}-h0`, start + CLARIFY_AT + intBetween(rng, 20, 80), OFFICIAL.cyber, '转发辟谣。网络不是法外之地，请勿编造传播谣言', clarification, clarId);
  const c1 = repostItem(`${clarId}-h1`, start + CLARIFY_AT + intBetween(rng, 100, 220), pick(rng, SPREADER_V), '官方辟谣了，大家别再传了', clarification, clarId);
  return { cycle, scenario, slots, root, hubs: [h0, h1, h2, h3], clarification, clarificationReposts: [c0, c1] };
}

// One-entry memo: consecutive seconds share a cycle, and the cycle is a pure function of its key.
let memo: { key: string; value: RumourCycle } | undefined;

export function rumourCycle(seed: number, cycle: number): RumourCycle {
  const key = `${seed}|${cycle}`;
  if (memo?.key !== key) memo = { key, value: buildCycle(seed, cycle) };
  return memo.value;
}

/** Root, hubs, clarification and its reposts that fall in this second. */
export function rumourScheduledAt(seed: number, second: number): ScheduledItem[] {
  const c = rumourCycle(seed, cycleIndex(second));
  return [c.root, ...c.hubs, c.clarification, ...c.clarificationReposts].filter((i) => i.second === second);
}

type Mood = '{emoFear}' | '{emoFun}' | '{emoPos}' | '{emoNeg}' | '';

function phrase(rng: Rng, c: RumourCycle, own: readonly string[], generic: readonly string[], mood: Mood): string {
  const list = own.length > 0 && chance(rng, 0.5) ? own : generic;
  const text = fillTemplate(pick(rng, list), rng, c.slots);
  return mood && !/\[/.test(text) && chance(rng, 0.3) ? text + fillTemplate(mood, rng) : text;
}

function reply(rng: Rng, ms: number, author: DemoAuthor, text: string, parentId: string, rootId: string): Draft {
  return { platform: 'weibo', kind: 'reply', text, ms, author, parentId, rootId, metrics: replyMetrics(rng) };
}

function repost(ms: number, author: DemoAuthor, comment: string, parent: ScheduledItem, rootId: string): Draft {
  return { platform: 'weibo', kind: 'repost', text: repostText(comment, parent.draft), ms, author, parentId: parent.draft.id, rootId };
}

/**
 * One random mention in the rumour's threads at `second`. Before the clarification: reposts
 * spreading the claim and replies asking, believing, denying or just watching; after it: relief,
 * thanks under the clarification, reposts of the clarification, and a few who still doubt.
 */
export function rumourDraft(rng: Rng, seed: number, second: number): Draft {
  const c = rumourCycle(seed, cycleIndex(second));
  const t = cycleOffset(second);
  const ms = intBetween(rng, 1, 999);
  const rootId = c.root.draft.id;
  const sc = c.scenario;
  const hubsSoFar = c.hubs.filter((h) => h.second < second);
  const someParent = (pRoot: number): ScheduledItem => (hubsSoFar.length === 0 || chance(rng, pRoot) ? c.root : pick(rng, hubsSoFar));
  const english = chance(rng, 0.08);
  const author = english ? someEnglishUser(rng, seed) : someOrdinaryUser(rng, seed);

  if (t < CLARIFY_AT) {
    const x = Math.max(0, (t - ROOT_AT) / (CLARIFY_AT - ROOT_AT));
    if (english) {
      const text = pick(rng, chance(rng, 0.5) ? EN_QUERY : chance(rng, 0.5) ? EN_DENY : EN_SUPPORT);
      return reply(rng, ms, author, text, someParent(0.8).draft.id, rootId);
    }
    if (chance(rng, 0.35)) {
      const comment = chance(rng, 0.6) ? phrase(rng, c, [], GENERIC_SPREAD, '') : phrase(rng, c, sc.support, GENERIC_SUPPORT, '{emoFear}');
      return repost(ms, author, comment, someParent(0.45), rootId);
    }
    const stance = weighted(rng, { query: 35, support: 35 - 10 * x, deny: 15 + 15 * x, watch: 15 });
    const text =
      stance === 'query' ? phrase(rng, c, sc.query, GENERIC_QUERY, '{emoFun}')
      : stance === 'support' ? phrase(rng, c, sc.support, GENERIC_SUPPORT, '{emoFear}')
      : stance === 'deny' ? phrase(rng, c, sc.deny, GENERIC_DENY, '{emoFun}')
      : fillTemplate(pick(rng, ['前排吃瓜{emoFun}', '蹲一个后续', '坐等反转', '吃瓜{emoFun}', '先马住，等官方消息']), rng);
    return reply(rng, ms, author, text, someParent(0.8).draft.id, rootId);
  }

  const clarId = c.clarification.draft.id;
  if (english) {
    return chance(rng, 0.6)
      ? reply(rng, ms, author, pick(rng, EN_AFTER), rootId, rootId)
      : reply(rng, ms, author, pick(rng, EN_AFTER), clarId, clarId);
  }
  const what = weighted(rng, { after: 40, thanks: 25, clarRepost: 15, stubborn: 8, lateQuery: 5, lateRepost: 7 });
  switch (what) {
    case 'after':
      return reply(rng, ms, author, phrase(rng, c, sc.afterClarification, chance(rng, 0.3) ? GENERIC_DENY : GENERIC_AFTER, '{emoFun}'), someParent(0.85).draft.id, rootId);
    case 'thanks':
      return reply(rng, ms, author, phrase(rng, c, [], GENERIC_THANKS, '{emoPos}'), clarId, clarId);
    case 'clarRepost': {
      const parents = [c.clarification, ...c.clarificationReposts.filter((h) => h.second < second)];
      const comment = fillTemplate(pick(rng, ['转发辟谣', '不信谣不传谣', '扩散辟谣{emoPos}', '转给之前转发谣言的朋友看看', '终于辟谣了']), rng);
      return repost(ms, author, comment, pick(rng, parents), clarId);
    }
    case 'stubborn':
      return reply(rng, ms, author, phrase(rng, c, sc.stubborn, GENERIC_STUBBORN, '{emoNeg}'), rootId, rootId);
    case 'lateQuery':
      return reply(rng, ms, author, phrase(rng, c, sc.query, GENERIC_QUERY, ''), rootId, rootId);
    default:
      return repost(ms, author, phrase(rng, c, [], GENERIC_SPREAD, ''), someParent(0.5), rootId);
  }
}
