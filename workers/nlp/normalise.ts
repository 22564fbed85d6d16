import { toHalfWidth, toSimplified } from './simplify.js';

/** A microblog text split into the commenter's own words, the quoted repost chain and its markup. */
export interface Normalised {
  /** The commenter's own words: markup removed, half-width, simplified, Latin lower-cased, spaces collapsed. */
  own: string;
  /** The quoted `//@user: text` (Weibo) or `RT @user: text` (Twitter) segments, in order, normalised likewise. */
  chain: { user: string; text: string }[];
  /** Weibo bracket emoticons in the own words, simplified and lower-cased: "[淚]" → "泪". */
  emoticons: string[];
  /** Unicode emoji in the own words. */
  emoji: string[];
  /** "#话题#" (Weibo) and "#tag" (Twitter) names, without the "#", from the whole text. */
  hashtags: string[];
  /** @user names in the own words (chain authors are in `chain`). */
  mentions: string[];
  /** URLs in the own words. */
  urls: string[];
}

// After half-width conversion, so "／／＠" and "：" are already ASCII.
const CHAIN_MARKER = /\/\/\s?@([^:\s/]{1,30}):|(?<![^\s])RT\s?@(\w{1,30}):?/g;
const URL = /(?:https?:\/\/|www\.)[!#-;=?-~]+/gi;
// A Weibo topic "#话题#" neither starts nor ends with a space; "#fail #sad" is two Twitter tags.
const WEIBO_TAG = /#([^#\s]|[^#\s][^#\n]{0,58}[^#\s])#/g;
const TWITTER_TAG = /#([\p{L}\p{N}_]{1,60})/gu;
const REPLY_PREFIX = /^\s*回复\s?@[^:\s]{1,30}:/;
const MENTION = /(?<![A-Za-z0-9_.])@([\p{L}\p{N}_-]{1,30})/gu;
const EMOTICON = /\[([^[\]\s]{1,10})\]/g;
const EMOJI = /\p{Extended_Pictographic}/gu;
const EMOJI_PARTS = /\u200d|\ufe0e|\ufe0f|\u20e3|\p{Emoji_Modifier}/gu;
const SPACES = /\s+/g;
/** The label Weibo shows in place of a shortened link. */
const LINK_LABEL = '网页链接';

interface Sink {
  emoticons: string[];
  emoji: string[];
  hashtags: string[];
  mentions: string[];
  urls: string[];
}

/** Normalises a raw mention text. Pure and deterministic. */
export function normalise(text: string): Normalised {
  const t = decodeEntities(toSimplified(toHalfWidth(text)));
  const sink: Sink = { emoticons: [], emoji: [], hashtags: [], mentions: [], urls: [] };
  const chain: { user: string; text: string }[] = [];
  let ownEnd = t.length;
  if (t.includes('@')) {
    CHAIN_MARKER.lastIndex = 0;
    let m: RegExpExecArray | null;
    let prev: { user: string; from: number } | undefined;
    while ((m = CHAIN_MARKER.exec(t)) !== null) {
      if (prev) chain.push({ user: prev.user, text: clean(t.slice(prev.from, m.index), undefined, sink.hashtags) });
      else ownEnd = m.index;
      prev = { user: m[1] ?? m[2] ?? '', from: m.index + m[0].length };
    }
    if (prev) chain.push({ user: prev.user, text: clean(t.slice(prev.from), undefined, sink.hashtags) });
  }
  const own = clean(ownEnd === t.length ? t : t.slice(0, ownEnd), sink, sink.hashtags);
  return { own, chain, ...sink };
}

/** Removes markup from one segment; collects it into `sink` when given (own words only). */
function clean(segment: string, sink: Sink | undefined, hashtags: string[]): string {
  let s = segment;
  if (s.includes('://') || s.includes('www.')) {
    s = s.replace(URL, (u) => {
      sink?.urls.push(u);
      return ' ';
    });
  }
  if (s.includes(LINK_LABEL)) s = s.split(LINK_LABEL).join(' ');
  if (s.includes('#')) {
    s = s.replace(WEIBO_TAG, (_, name: string) => {
      const tag = name.trim();
      if (tag) hashtags.push(tag.toLowerCase());
      return ' ';
    });
    // Twitter tags are part of the sentence ("I love #police"): keep the word, drop the "#".
    s = s.replace(TWITTER_TAG, (_, name: string) => {
      hashtags.push(name.toLowerCase());
      return name;
    });
  }
  if (s.includes('@')) {
    s = s.replace(REPLY_PREFIX, (p) => {
      const name = /@([^:\s]+)/.exec(p)?.[1];
      if (name) sink?.mentions.push(name);
      return ' ';
    });
    s = s.replace(MENTION, (_, name: string) => {
      sink?.mentions.push(name);
      return ' ';
    });
  }
  if (s.includes('[')) {
    s = s.replace(EMOTICON, (whole, name: string) => {
      // "[1]" and the like are not emoticons.
      if (!/[\p{L}]/u.test(name)) return whole;
      sink?.emoticons.push(name.toLowerCase());
      return ' ';
    });
  }
  if (hasHighSurrogateOrSymbol(s)) {
    s = s.replace(EMOJI, (e) => {
      sink?.emoji.push(e);
      return ' ';
    });
    s = s.replace(EMOJI_PARTS, '');
  }
  // Stretched words ("soooo good", "noooo") read as their two-letter form, so they share features.
  return s.toLowerCase().replace(ELONGATED, '$1$1').replace(SPACES, ' ').trim();
}

const ELONGATED = /([a-z])\1{2,}/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|#39);/g;

/** HTML entities left in exported tweets ("&amp;", "&lt;3"). */
function decodeEntities(t: string): string {
  return t.includes('&') ? t.replace(ENTITY, (_, name: string) => ENTITIES[name] ?? '') : t;
}

/** Emoji live in the astral planes or in a few BMP symbol blocks; most texts have none. */
function hasHighSurrogateOrSymbol(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdbff) || (c >= 0x2100 && c <= 0x2bff) || c === 0x00a9 || c === 0x00ae || c === 0x3030 || c === 0x303d || c === 0x3297 || c === 0x3299) return true;
  }
  return false;
}
