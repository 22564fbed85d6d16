import { describe, expect, it } from 'vitest';
import { claimLikeness, foldText, quotedClaims, textSimilarity } from '../../../shared/incidents/similarity.js';

describe('known-rumour text likeness', () => {
  it('folds width, case, punctuation, emoticon codes and numbers', () => {
    expect(foldText('紧急扩散！！[怒] 已经抢走 2 个了，ＡＢＣ https://t.cn/x')).toBe('紧急扩散已经抢走0个了abc');
  });

  it.each([
    ['网传东湖区实验小学门口有人贩子抢孩子，已经抢走两个了！紧急扩散！', '网传西城区第一中学门口有人贩子抢孩子，已经抢走两个了！紧急扩散！家长注意', true],
    ['Urgent: kidnappers in a white van are snatching kids outside Riverside School, share now!', 'URGENT!! Kidnappers in a white van snatching kids outside Hillview School — share now', true],
    ['网传东湖区实验小学门口有人贩子抢孩子', '东湖区今天暴雨，解放大道积水严重，大家注意安全', false],
    ['Kidnappers near the school, share now', 'The police handled the flood rescue very well today', false],
  ])('%s ~ %s → %s', (a, b, similar) => {
    expect(textSimilarity(a, b) >= 0.3).toBe(similar);
  });

  it('recognises a reworded claim through the quote in the earlier clarification', () => {
    const clarification = '【警情通报】近日，网传“东湖区实验小学门口有人贩子抢孩子”的消息引发关注。经核查，该信息系谣言。';
    expect(quotedClaims(clarification)).toEqual(['东湖区实验小学门口有人贩子抢孩子']);
    const reworded = '家长群里都在传：东湖区实验小学门口有人贩子抢孩子！！面包车没挂牌照，大家接孩子一定要当面接';
    const earlierStory = '紧急扩散！听说有一伙人开车在学校附近转悠，转发周知';
    expect(claimLikeness(reworded, earlierStory, null).matched).toBe(false);
    const m = claimLikeness(reworded, earlierStory, clarification);
    expect(m.matched).toBe(true);
    expect(m.similarity).toBeGreaterThanOrEqual(0.6);
  });
});
