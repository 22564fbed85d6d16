import { describe, expect, it } from 'vitest';
import { matchAnsweredStory } from '../../../workers/rumour/clarification.js';

const stories = [
  { id: 'water', text: '网传滨江新区自来水厂被人投毒了，和平里已经有人喝了拉肚子送医院！紧急扩散，这两天千万别喝自来水！' },
  { id: 'dam', text: '网传北山水库大坝已经出现裂缝，北山区那边有人连夜开车跑了，到底真的假的？转发周知' },
  { id: 'kids', text: '紧急扩散！！听说高新区光明小学放学的时候有人贩子开面包车抢孩子，已经有家长报警了，转发周知' },
];

describe('matching an official clarification to the story it answers', () => {
  it.each([
    ['【辟谣】近日，有网民发布“滨江新区自来水厂被投毒、居民饮水中毒送医”等信息。经核查，供水水质检测全部合格，和平里水色发黄系管网检修所致。', 'water'],
    ['【警情通报】近日，网传“北山水库大坝出现裂缝即将溃坝，北山区下游群众需紧急撤离”等信息。经核查，北山水库运行正常。', 'dam'],
    ['【辟谣】关于网传“高新区光明小学附近有人贩子开面包车抢孩子”一事，经江城警方核查，系谣言。', 'kids'],
  ])('%s → %s', (text, expected) => {
    expect(matchAnsweredStory(text, stories)?.id).toBe(expected);
  });

  it('matches nothing when the clarification is about another claim', () => {
    expect(matchAnsweredStory('【辟谣】网传“江城地铁站发生爆炸”系谣言，地铁运营正常。', stories)).toBeUndefined();
    expect(matchAnsweredStory('', stories)).toBeUndefined();
    expect(matchAnsweredStory('经核查，网传信息系谣言', [])).toBeUndefined();
  });
});
