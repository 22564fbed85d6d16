import { isOfficialAnswerText } from './cues.js';

/**
 * Linking an official clarification to the story it answers. A clarification posted on its own
 * (not as a reply in the rumour's thread) usually restates the claim ("经核查，网传‘…’系谣言"), so
 * the story whose claim is most contained in it, by character bigrams, is the one answered.
 */

/** Bigrams of the claim that must also be in the clarification, at least this many… */
const MIN_SHARED = 6;
/** …and at least this share of the claim's distinct bigrams. */
const MIN_CONTAINMENT = 0.2;
/** Bigrams every rumour and every clarification share; they say nothing about which claim. */
const COMMON = new Set(
  ('网传 传言 大家 转发 扩散 周知 紧急 真的 假的 警方 核查 谣言 辟谣 有人 已经 我们 什么 一个 没有 这个 就是 不是 可以 ' +
    '目前 近日 信息 消息 网民 发布 情况 通报 相关 请勿 依法 处理 官方 注意 千万 听说 据说 现在 今天 自己 知道 ' +
    'th he in er an re on at nd is it ha es en').split(' '),
);

export function claimBigrams(text: string): Set<string> {
  const t = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) {
    const a = t[i]!;
    const b = t[i + 1]!;
    if (a === ' ' || b === ' ') continue;
    const g = a + b;
    if (!COMMON.has(g)) out.add(g);
  }
  return out;
}

/** Whether an official account's post or reply reads as an answer to a circulating claim. */
export function isClarification(official: boolean, text: string): boolean {
  return official && isOfficialAnswerText(text);
}

/**
 * The candidate story an official clarification answers, or undefined. `candidates` are few
 * (open rumour candidates and near-duplicates of the clarification), each with its claim text.
 */
export function matchAnsweredStory<T extends { id: string; text: string }>(answerText: string, candidates: readonly T[]): T | undefined {
  const answer = claimBigrams(answerText);
  if (answer.size === 0) return undefined;
  let best: T | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    const claim = claimBigrams(c.text);
    if (claim.size === 0) continue;
    let shared = 0;
    for (const g of claim) if (answer.has(g)) shared++;
    const containment = shared / claim.size;
    if (shared < MIN_SHARED || containment < MIN_CONTAINMENT) continue;
    if (containment > bestScore) {
      bestScore = containment;
      best = c;
    }
  }
  return best;
}
