import type { Mention } from '../../../shared/contracts/mention.js';

/** Hand-written threads for the rumour tests (not from any corpus). Times are relative to `t0`. */
export const T0 = Date.parse('2025-03-01T09:00:00+08:00');

const iso = (t0: number, minutes: number): string => new Date(t0 + minutes * 60_000).toISOString().replace('Z', '+00:00');

export const RUMOUR_ROOT = '网传东湖区实验小学门口有人贩子开面包车抢孩子，已经抢走两个了！紧急扩散！家里有孩子的千万注意！转发周知';

export const RUMOUR_REPLIES = [
  '真的假的？有没有官方消息',
  '太可怕了，吓得我赶紧给孩子老师打电话',
  '求证，东湖区的家长在吗',
  '这是谣言吧，别传了',
  '有没有人在现场？是真的吗',
  '我也听说了，好害怕',
  '假的，去年就辟谣过了，老谣言',
  '坐等警方回应',
  '警察在干什么？出了这种事都不管吗',
  '消息来源是哪里？转发之前先核实一下',
  '不信谣不传谣，等官方通报',
  '这种事情宁可信其有吧，大家小心',
  '真的吗？我家孩子就在那上学',
  '编的吧，连具体时间都没有',
  '有图有真相吗？',
  '已经报警了吗？派出所怎么说',
];

export const PLAIN_ROOT = '周末带孩子去东湖公园划船，天气很好，湖边的樱花开了，拍了好多照片';

export const PLAIN_REPLIES = [
  '好漂亮', '樱花季真好', '下周我也去', '照片拍得不错', '划船多少钱一小时？', '人多不多', '羡慕', '春天来了',
  '我们上周也去了', '周末人挺多的', '湖边有卖吃的吗', '孩子玩得开心就好', '好看', '下次一起', '阳光正好', '美',
];

export const EN_RUMOUR_ROOT = 'BREAKING: reportedly the city water supply has been poisoned, people already in hospital!! Share this before it gets deleted!';
export const EN_RUMOUR_REPLIES = [
  'Is this true? Source?', 'This is fake, stop sharing it', 'Can anyone confirm this?', 'Hoax, the police debunked it last year',
  'Scary, I am not drinking tap water today', 'Any official statement?', 'Where did this come from?', 'Not true, my neighbour works there',
  'Why are the police silent?', 'Really? Which district?', 'Fake news again', 'I heard the same thing, terrifying',
];

export interface ThreadOptions {
  platform?: string;
  t0?: number;
  /** Minutes between replies (relative pace is all the scorer reads). */
  gap?: number;
  rootAuthor?: Mention['author'];
  replyKind?: 'reply' | 'repost';
}

/** A root post and its replies, in time order. */
export function thread(rootId: string, root: string, replies: readonly string[], o: ThreadOptions = {}): Mention[] {
  const t0 = o.t0 ?? T0;
  const platform = o.platform ?? 'weibo';
  const gap = o.gap ?? 2;
  const out: Mention[] = [
    {
      id: rootId, platform, kind: 'post', text: root, createdAt: iso(t0, 0),
      author: o.rootAuthor ?? { id: `a-${rootId}`, name: '路人甲', verified: false, followers: 800 },
    },
  ];
  replies.forEach((text, i) => {
    out.push({
      id: `${rootId}-c${i}`, platform, kind: o.replyKind ?? 'reply', text, createdAt: iso(t0, gap * (i + 1)),
      rootId, parentId: rootId, author: { id: `u${i}`, name: `网友${i}`, followers: 50 + i * 10 },
    });
  });
  return out;
}
