import type { TopicConfig } from '../../shared/contracts/topics.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { toHalfWidth, toSimplified } from './simplify.js';

export interface TopicMatcher {
  /**
   * Topic ids whose rules match the text, in configuration order. The text should be normalised
   * (simplified, half-width); Latin case is ignored. Returns [] when no rule matches — a learned
   * fallback for texts no keyword catches is planned with the trained models.
   */
  match(text: string): string[];
}

interface CompiledRule {
  any: number[];
  all: number[];
  none: number[];
}

interface CompiledTopic {
  id: string;
  rules: CompiledRule[];
  exclude: number[];
}

/** Keywords are normalised the way texts are, so "詐騙" in a config matches "诈骗" in a post. */
export function normaliseKeyword(k: string): string {
  return toSimplified(toHalfWidth(k)).toLowerCase().trim();
}

/**
 * Compiles a topic configuration (semantics in shared/contracts/topics.ts: a rule matches when
 * the text has at least one `any` keyword (or `any` is empty), every `all` keyword and no `none`
 * keyword; a topic matches when any rule does and no `exclude` keyword occurs). All keywords go
 * into one automaton, so matching is one pass over the text whatever the number of topics.
 * Latin keywords match whole words (plural "s" allowed); a trailing "*" makes one a prefix.
 */
export function compileTopics(cfg: TopicConfig): TopicMatcher {
  const ids = new Map<string, number>();
  const keywords: string[] = [];
  const idOf = (k: string): number => {
    const key = normaliseKeyword(k);
    let id = ids.get(key);
    if (id === undefined) {
      id = keywords.length;
      ids.set(key, id);
      keywords.push(key);
    }
    return id;
  };
  const topics: CompiledTopic[] = cfg.topics.map((t) => ({
    id: t.id,
    rules: t.rules.map((r) => ({ any: r.any.map(idOf), all: r.all.map(idOf), none: r.none.map(idOf) })),
    exclude: t.exclude.map(idOf),
  }));
  const matcher = new PhraseMatcher(keywords);
  const seen = new Uint8Array(keywords.length);
  const hits: number[] = [];
  const onHit = (id: number) => {
    if (seen[id] === 0) {
      seen[id] = 1;
      hits.push(id);
    }
  };

  return {
    match(text: string): string[] {
      for (const id of hits) seen[id] = 0;
      hits.length = 0;
      matcher.scan(text.toLowerCase(), onHit);
      // Most texts name no keyword at all.
      if (hits.length === 0) return [];
      const out: string[] = [];
      for (const t of topics) {
        if (t.exclude.some((k) => seen[k] === 1)) continue;
        if (t.rules.some((r) => ruleMatches(r, seen))) out.push(t.id);
      }
      return out;
    },
  };
}

function ruleMatches(r: CompiledRule, seen: Uint8Array): boolean {
  if (r.any.length > 0 && !r.any.some((k) => seen[k] === 1)) return false;
  for (const k of r.all) if (seen[k] !== 1) return false;
  for (const k of r.none) if (seen[k] === 1) return false;
  return true;
}
