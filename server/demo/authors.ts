import type { Mention } from '../../shared/contracts/mention.js';
import type { Rng } from './random.js';
import { chance, hash32, intBetween, pareto, pick, rngFor } from './random.js';

export type DemoAuthor = NonNullable<Mention['author']>;

/** Ordinary Chinese-language users; activity is skewed so a few hundred are regulars. */
const ZH_POOL = 6000;
const EN_POOL = 400;

const ADJ = ['快乐', '爱吃辣', '不想上班', '早睡', '夜跑', '吃瓜', '佛系', '认真', '迷糊', '努力', '暴躁', '安静'];
const NOUN = ['阿毛', '老陈', '小鱼', '橘猫', '胖虎', '打工人', '小太阳', '柠檬精', '二狗', '星星', '大白', '豆豆'];
const LOCAL = ['江城', '东湖', '西城', '南湖', '滨江', '北山', '老城'];
const LATIN = ['momo', 'Lily', 'xiaoyu', 'kiki', 'Tony', 'Ayu', 'sunny', 'leo', 'Coco', 'Ivan', 'nana', 'Kevin'];
const SUFFIX = ['呀', '酱', '本人', '2019', '不吃香菜', '今天也要加油', '_', '在江城', '的日常', '88'];

const EN_FIRST = ['mike', 'sarah', 'tom', 'anna', 'dave', 'lucy', 'chris', 'emma', 'raj', 'olga', 'ben', 'mia'];
const EN_TAIL = ['_in_jc', '.teaches', '_expat', 'Abroad', '_jiangcheng', 'Travels', '_cn', 'Writes'];

function zhName(rng: Rng): string {
  switch (intBetween(rng, 0, 3)) {
    case 0:
      return `${pick(rng, ADJ)}的${pick(rng, NOUN)}`;
    case 1:
      return `${pick(rng, LOCAL)}${pick(rng, NOUN)}${chance(rng, 0.5) ? pick(rng, SUFFIX) : ''}`;
    case 2:
      return `${pick(rng, LATIN)}_${intBetween(rng, 1, 9999)}`;
    default:
      return `${pick(rng, NOUN)}${pick(rng, SUFFIX)}`;
  }
}

function numericId(seed: number, space: string, index: number): string {
  // Distinct per index within a space; the seed shifts the range so two demo seeds do not share users.
  return String(5_000_000_000 + (hash32(`${seed}|${space}`) % 1_000_000) * 10_000 + index);
}

export function ordinaryUser(seed: number, index: number): DemoAuthor {
  const rng = rngFor(seed, 'zh-user', index);
  const followers = pareto(rng, 15, 1.1, 800_000);
  const verified = followers > 50_000 && chance(rng, 0.5);
  return { id: numericId(seed, 'zh', index), name: zhName(rng), verified, official: false, followers };
}

export function englishUser(seed: number, index: number): DemoAuthor {
  const rng = rngFor(seed, 'en-user', index);
  const name = `${pick(rng, EN_FIRST)}${pick(rng, EN_TAIL)}${chance(rng, 0.4) ? intBetween(rng, 1, 99) : ''}`;
  return { id: numericId(seed, 'en', index), name, verified: false, official: false, followers: pareto(rng, 10, 1.2, 200_000) };
}

/** Picks a user with a skew towards low indices, so some people post far more than others. */
export function someOrdinaryUser(rng: Rng, seed: number): DemoAuthor {
  return ordinaryUser(seed, Math.floor(ZH_POOL * rng() * rng()));
}

export function someEnglishUser(rng: Rng, seed: number): DemoAuthor {
  return englishUser(seed, Math.floor(EN_POOL * rng() * rng()));
}

/** Verified, non-official accounts with large audiences: media, commentators, lifestyle. */
export const BIG_V: readonly DemoAuthor[] = [
  { id: '1700000001', name: '江城热点', verified: true, official: false, followers: 2_380_000 },
  { id: '1700000002', name: '江城晚报', verified: true, official: false, followers: 1_560_000 },
  { id: '1700000003', name: '城事观察员', verified: true, official: false, followers: 420_000 },
  { id: '1700000004', name: '法律人老周', verified: true, official: false, followers: 310_000 },
  { id: '1700000005', name: '江城交通广播', verified: true, official: false, followers: 890_000 },
  { id: '1700000006', name: '江城吃喝玩乐', verified: true, official: false, followers: 650_000 },
  { id: '1700000007', name: '老城区生活圈', verified: true, official: false, followers: 120_000 },
  { id: '1700000008', name: '评论员阿宽', verified: true, official: false, followers: 980_000 },
];

/** Official police accounts (the accounts this system is built to watch over). */
export const OFFICIAL = {
  police: { id: '1900000001', name: '江城警方', verified: true, official: true, followers: 3_200_000 },
  traffic: { id: '1900000002', name: '江城交警', verified: true, official: true, followers: 1_100_000 },
  cyber: { id: '1900000003', name: '江城网警', verified: true, official: true, followers: 760_000 },
  antiFraud: { id: '1900000004', name: '江城反诈中心', verified: true, official: true, followers: 540_000 },
  donghu: { id: '1900000005', name: '东湖公安', verified: true, official: true, followers: 210_000 },
} as const satisfies Record<string, DemoAuthor>;

export type OfficialKey = keyof typeof OFFICIAL;
