/**
 * Synthetic traffic for the system benchmark: posts, replies to recent roots and repost chains,
 * with place names and numbers varied so near-duplicate clustering sees many stories rather
 * than a handful. Seeded: every run posts the same mentions.
 */
import type { Mention } from '../../shared/contracts/mention.js';
import { mulberry32 } from '../../shared/util/hash.js';
import { benchTexts } from '../../workers/cli/bench-texts.js';

const PLACES = ['东湖区', '西城区', '江北区', '南山街道', '和平里', '科技大道', '中心医院', '火车站', '大学城', '滨江路'];

export interface TrafficOptions {
  /** Time of the first mention (ms) and the span the mentions are spread over. */
  start: number;
  spanMs: number;
  seed: number;
  /** Prefix that keeps ids of different phases apart. */
  idPrefix: string;
}

/** Yields `n` mentions in chunks of `chunk`. */
export function* traffic(n: number, chunk: number, o: TrafficOptions): Generator<Mention[]> {
  const rnd = mulberry32(o.seed);
  const texts = benchTexts(Math.min(n, 50_000), 0.3, 100, o.seed);
  const roots: string[] = [];
  let batch: Mention[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${o.idPrefix}${i}`;
    const base = texts[i % texts.length]!.text;
    const text = `${PLACES[Math.floor(rnd() * PLACES.length)]}${Math.floor(rnd() * 1000)}号 ${base}`;
    const createdAt = new Date(o.start + Math.floor((i / n) * o.spanMs)).toISOString();
    const author = { id: `u${Math.floor(rnd() * 50_000)}`, followers: Math.floor(rnd() ** 3 * 200_000), official: rnd() < 0.01 };
    const metrics = { reposts: Math.floor(rnd() ** 4 * 500), comments: Math.floor(rnd() ** 4 * 300), likes: Math.floor(rnd() ** 3 * 2000) };
    const r = rnd();
    let m: Mention;
    if (r < 0.25 && roots.length) {
      const root = roots[Math.floor(rnd() * roots.length)]!;
      m = { id, platform: 'weibo', kind: 'reply', rootId: root, parentId: root, text: text.slice(0, 40), createdAt, author, metrics };
    } else if (r < 0.4 && roots.length) {
      const root = roots[Math.floor(rnd() * roots.length)]!;
      m = { id, platform: 'weibo', kind: 'repost', rootId: root, parentId: root, text: `转发 //@用户${Math.floor(rnd() * 999)}: ${text}`, createdAt, author, metrics };
    } else {
      m = { id, platform: 'weibo', kind: 'post', text, createdAt, author, metrics };
      roots.push(id);
      if (roots.length > 2000) roots.splice(0, 1000);
    }
    batch.push(m);
    if (batch.length === chunk) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
