import type { TopicRule } from '../contracts/topics.js';

/**
 * The topic rule language (shared/contracts/topics.ts) for watchlists: a rule matches when the text
 * has one of `any` (or `any` is empty), all of `all` and none of `none`; the watchlist matches when
 * any rule does and no `exclude` keyword occurs. The same semantics as the workers' topic matcher
 * (workers/nlp/topics.ts), which the server may not import; a watchlist has a handful of keywords,
 * so a plain scan per keyword is enough here (the workers' automaton exists for hundreds).
 * Latin keywords match whole words (a plural "s" allowed, a trailing "*" makes a prefix); Han ones
 * match anywhere, as there are no spaces between Chinese words.
 */
export interface Watchlist {
  rules: readonly TopicRule[];
  exclude: readonly string[];
}

export type Normalise = (text: string) => string;

/** Full-width → half-width and compatibility forms (NFKC), lower case: what both sides are compared as. */
export const basicNormalise: Normalise = (t) => t.normalize('NFKC').toLowerCase();

type Test = (text: string) => boolean;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function keywordTest(raw: string, normalise: Normalise): Test {
  const prefix = raw.endsWith('*');
  const k = normalise(prefix ? raw.slice(0, -1) : raw).trim();
  if (k === '') return () => false;
  if (/^[\x20-\x7e]+$/.test(k)) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(k)}${prefix ? '' : 's?(?![\\p{L}\\p{N}])'}`, 'u');
    return (t) => re.test(t);
  }
  return (t) => t.includes(k);
}

export function compileWatchlist(w: Watchlist, normalise: Normalise = basicNormalise): (text: string) => boolean {
  const compile = (ks: readonly string[]) => ks.map((k) => keywordTest(k, normalise));
  const rules = w.rules.map((r) => ({ any: compile(r.any), all: compile(r.all), none: compile(r.none) }));
  const exclude = compile(w.exclude);
  return (text) => {
    const t = normalise(text);
    if (exclude.some((k) => k(t))) return false;
    return rules.some((r) => (r.any.length === 0 || r.any.some((k) => k(t))) && r.all.every((k) => k(t)) && !r.none.some((k) => k(t)));
  };
}
