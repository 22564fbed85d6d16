import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../shared/contracts/mention.js';
import { createTagger } from '../../../workers/nlp/tagger.js';
import { FEATURES } from '../../../workers/rumour/features.js';
import { loadRumourModel } from '../../../workers/rumour/model.js';
import { createThreadScorer, type ThreadScore } from '../../../workers/rumour/threads.js';
import {
  EN_RUMOUR_REPLIES, EN_RUMOUR_ROOT, PLAIN_REPLIES, PLAIN_ROOT, RUMOUR_REPLIES, RUMOUR_ROOT, thread,
} from './fixtures.js';

const tagger = createTagger();
const model = loadRumourModel();

function score(mentions: readonly Mention[], maxReplies?: number): ThreadScore[] {
  const s = createThreadScorer({ tagger, model, ...(maxReplies === undefined ? {} : { maxReplies }) });
  for (const m of mentions) s.add(m);
  return s.results();
}

const one = (mentions: readonly Mention[], maxReplies?: number): ThreadScore => {
  const r = score(mentions, maxReplies);
  expect(r).toHaveLength(1);
  return r[0]!;
};

describe('rumour score of a thread', () => {
  it('scores a rumour-like thread well above a plain one, and flags only the rumour', () => {
    const rumour = one(thread('r', RUMOUR_ROOT, RUMOUR_REPLIES));
    const plain = one(thread('p', PLAIN_ROOT, PLAIN_REPLIES));
    expect(rumour.score).toBeGreaterThan(plain.score + 0.4);
    expect(rumour.needsClarification).toBe(true);
    expect(plain.needsClarification).toBe(false);
    expect(rumour.score).toBeGreaterThanOrEqual(0);
    expect(rumour.score).toBeLessThanOrEqual(1);
  });

  it('scores an English rumour thread above a plain Chinese one', () => {
    const en = one(thread('e', EN_RUMOUR_ROOT, EN_RUMOUR_REPLIES, { platform: 'twitter' }));
    const plain = one(thread('p', PLAIN_ROOT, PLAIN_REPLIES));
    expect(en.score).toBeGreaterThan(plain.score);
    expect(en.signals.counts.doubt).toBeGreaterThanOrEqual(6);
    expect(en.signals.root?.claim.groups.secret).toContain('before it gets deleted');
  });

  it('explains the score with named signals and the posts behind them', () => {
    const r = one(thread('r', RUMOUR_ROOT, RUMOUR_REPLIES));
    const signals = r.signals.reasons.map((x) => x.signal);
    expect(signals.length).toBeGreaterThan(0);
    expect(r.signals.reasons.length).toBeLessThanOrEqual(7);
    const queries = r.signals.reasons.find((x) => x.signal === 'queries' || x.signal === 'denials');
    expect(queries, JSON.stringify(r.signals.reasons)).toBeDefined();
    expect(queries!.examples.length).toBeGreaterThan(0);
    // Examples are posts of this thread, quoted by uid and text.
    for (const reason of r.signals.reasons) {
      for (const e of reason.examples) {
        expect(e.uid).toMatch(/^weibo:r(-c\d+)?$/);
        expect(RUMOUR_REPLIES.concat(RUMOUR_ROOT).some((t) => t.startsWith(e.text))).toBe(true);
      }
      expect(reason.detail.length).toBeGreaterThan(5);
    }
    const scored = r.signals.reasons.filter((x) => x.weight > 0);
    expect(scored.map((x) => x.weight)).toEqual([...scored.map((x) => x.weight)].sort((a, b) => b - a));
    expect(r.signals.root?.claim.groups.hearsay).toContain('网传');
    expect(r.signals.root?.claim.groups.spread).toEqual(expect.arrayContaining(['紧急扩散']));
    expect(Object.keys(r.signals.features).sort()).toEqual([...FEATURES].sort());
  });

  it('never flags a thread whose root is an official account post', () => {
    const official = { id: 'police', name: '江城警方', verified: true, official: true, followers: 900_000 };
    const r = one(thread('o', RUMOUR_ROOT, RUMOUR_REPLIES, { rootAuthor: official }));
    expect(r.needsClarification).toBe(false);
    expect(r.score).toBe(0);
  });

  it('never flags a root announcing a happy ending with thanks, but still flags a claim that only mentions finding', () => {
    const found = one(thread('f', '感谢大家转发！走失的8岁女孩已经在东湖公园找到了，谢谢民警和热心网友', RUMOUR_REPLIES));
    expect(found.needsClarification).toBe(false);
    expect(found.score).toBeGreaterThan(0);
    const claim = one(thread('c', `${RUMOUR_ROOT} 听说已经找到了一个`, RUMOUR_REPLIES));
    expect(claim.needsClarification).toBe(true);
  });

  it('stops asking for a clarification once an official account answers in the thread, keeping the score', () => {
    const base = thread('r', RUMOUR_ROOT, RUMOUR_REPLIES);
    const answered: Mention[] = [
      ...base,
      {
        id: 'ans', platform: 'weibo', kind: 'reply', rootId: 'r', parentId: 'r', createdAt: base[base.length - 1]!.createdAt,
        text: '经核查，该信息系谣言，东湖区各学校周边秩序正常，请勿传播。', author: { id: 'police', name: '江城警方', official: true, verified: true, followers: 900_000 },
      },
    ];
    const before = one(base);
    const after = one(answered);
    expect(before.needsClarification).toBe(true);
    expect(after.needsClarification).toBe(false);
    expect(after.signals.officialAnswer).toMatchObject({ uid: 'weibo:ans', via: 'reply', author: '江城警方' });
    expect(after.score).toBeGreaterThan(0.5);
    expect(after.signals.reasons.some((x) => x.signal === 'officialAnswer')).toBe(true);
  });

  it('links an official clarification posted on its own to the thread it answers', () => {
    const base = thread('r', RUMOUR_ROOT, RUMOUR_REPLIES);
    const other = thread('p', PLAIN_ROOT, PLAIN_REPLIES);
    const clarification: Mention = {
      id: 'clar', platform: 'weibo', kind: 'post', createdAt: base[base.length - 1]!.createdAt,
      text: '【辟谣】近日，网传“东湖区实验小学门口有人贩子开面包车抢孩子”。经核查，系谣言，警方已依法处理造谣者。',
      author: { id: 'police', name: '江城警方', official: true, verified: true, followers: 900_000 },
    };
    const results = score([...other, ...base, clarification]);
    const byId = new Map(results.map((r) => [r.rootId, r]));
    expect(byId.get('r')!.signals.officialAnswer).toMatchObject({ uid: 'weibo:clar', via: 'post', storyId: 'weibo:clar' });
    expect(byId.get('r')!.needsClarification).toBe(false);
    expect(byId.get('p')!.signals.officialAnswer).toBeUndefined();
    expect(byId.get('clar')!.signals.answers).toBe('weibo:r');
    expect(byId.get('clar')!.needsClarification).toBe(false);
  });

  it('honours maxReplies: only the first N replies of each thread count', () => {
    const full = one(thread('r', RUMOUR_ROOT, RUMOUR_REPLIES));
    const first3 = one(thread('r', RUMOUR_ROOT, RUMOUR_REPLIES), 3);
    expect(full.signals.counts.responses).toBe(RUMOUR_REPLIES.length);
    expect(first3.signals.counts.responses).toBe(3);
    // Too little evidence to ask officers for a clarification yet.
    expect(first3.needsClarification).toBe(false);
    const withTwo = score([...thread('a', RUMOUR_ROOT, RUMOUR_REPLIES), ...thread('b', PLAIN_ROOT, PLAIN_REPLIES)], 2);
    expect(withTwo.map((r) => [r.rootId, r.signals.counts.responses])).toEqual([['a', 2], ['b', 2]]);
  });

  it('reads no dates: the same thread years apart scores the same', () => {
    const now = one(thread('r', RUMOUR_ROOT, RUMOUR_REPLIES));
    const then = one(thread('r', RUMOUR_ROOT, RUMOUR_REPLIES, { t0: Date.parse('2012-06-01T09:00:00+08:00') }));
    expect(then.score).toBe(now.score);
    expect(then.signals.features).toEqual(now.signals.features);
  });

  it('reads pace: the same replies arriving faster change the pace features, not the date', () => {
    const slow = one(thread('r', RUMOUR_ROOT, RUMOUR_REPLIES, { gap: 30 }));
    const fast = one(thread('r', RUMOUR_ROOT, RUMOUR_REPLIES, { gap: 0.5 }));
    expect(slow.signals.features.medianDelay).toBeGreaterThan(fast.signals.features.medianDelay!);
  });
});
