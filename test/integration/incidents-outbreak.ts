import { minutesAgoIso } from '../fixtures/mentions.js';

/**
 * An outbreak no scorer can miss: a root with claim cues, replies that question and deny it, reposts
 * that spread it. Written for these tests (no third-party corpus).
 */
export function rumourOutbreak(run: string, now = Date.now()): Record<string, unknown>[] {
  const rootId = `${run}-root`;
  const root = {
    id: rootId, platform: 'weibo', kind: 'post', createdAt: minutesAgoIso(30, now),
    text: '网传江城东湖区实验小学门口有人贩子抢孩子，已经抢走两个了！紧急扩散！转发周知！',
    author: { id: `${run}-a0`, name: '路人甲', followers: 1200 },
    metrics: { reposts: 900, comments: 400, likes: 300 },
  };
  const queries = ['真的假的？', '求证，有没有官方消息？', '真的假的？有人在现场吗', '求辟谣', '有没有警方通报？真的假的', '谁能证实一下？'];
  const denies = ['假的吧，别传了', '谣言，去年就辟谣过了', '这是假的，学校说没这回事', '造谣的能不能抓一下，假消息'];
  const replies = [...queries, ...denies].map((text, i) => ({
    id: `${run}-re${i}`, platform: 'weibo', kind: 'reply', parentId: rootId, rootId, text,
    createdAt: minutesAgoIso(28 - i, now), author: { id: `${run}-u${i}`, name: `网友${i}`, followers: 50 + i },
  }));
  const reposts = Array.from({ length: 4 }, (_, i) => ({
    id: `${run}-rp${i}`, platform: 'weibo', kind: 'repost', parentId: rootId, rootId,
    text: `扩散！//@路人甲:${root.text}`, createdAt: minutesAgoIso(25 - i, now),
    author: { id: `${run}-s${i}`, name: `大V${i}`, followers: 100_000 * (i + 1) },
  }));
  return [root, ...replies, ...reposts];
}

export function clarificationPost(run: string, now = Date.now()) {
  return {
    id: `${run}-clar`, platform: 'weibo', kind: 'post', createdAt: minutesAgoIso(5, now),
    text: '【辟谣】近日，网传“江城东湖区实验小学门口有人贩子抢孩子”的消息引发关注。经核查，该信息系谣言。请广大网民不信谣、不传谣。',
    author: { id: 'jcpolice', name: '江城警方', official: true, verified: true, followers: 2_000_000 },
  };
}
