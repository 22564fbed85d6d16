/**
 * Text likeness for recognising a recurring hoax: Jaccard similarity of character 3-grams over a
 * folded form of the text (width and case folded, punctuation, emoji codes and spaces dropped,
 * digit runs collapsed). Works the same for Chinese and English without segmentation. Reworded
 * repeats of a claim keep most of their 3-grams; different claims on the same topic share few.
 */
export const KNOWN_RUMOUR_MIN_SIMILARITY = 0.3;

export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\[[^\]\s]{1,8}\]/g, '') // Weibo emoticon codes such as [怒]
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\/\/@[^:：\s]{1,30}[:：]/g, '') // repost chain markers
    .replace(/\p{N}+/gu, '0')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function trigrams(text: string): Set<string> {
  const chars = [...foldText(text)];
  const grams = new Set<string>();
  if (chars.length === 0) return grams;
  if (chars.length < 3) {
    grams.add(chars.join(''));
    return grams;
  }
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  return grams;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

export function textSimilarity(a: string, b: string): number {
  return jaccard(trigrams(a), trigrams(b));
}

/** Share of `part`'s 3-grams found in `whole` (how much of a quoted claim a text repeats). */
export function containment(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  if (part.size === 0) return 0;
  let shared = 0;
  for (const g of part) if (whole.has(g)) shared++;
  return shared / part.size;
}

/** A quoted claim must be at least this long (in 3-grams) to be matched on its own. */
const MIN_QUOTE_GRAMS = 5;
export const KNOWN_RUMOUR_MIN_CONTAINMENT = 0.6;

/** The passages an official clarification quotes (网传“…”, "…"): the claim it answers. */
export function quotedClaims(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[“「『"]([^”」』"]{4,200})[”」』"]/g)) if (m[1]) out.push(m[1]);
  return out;
}

/**
 * How strongly `text` repeats an earlier claim: Jaccard against the earlier story's text, or the
 * share of a claim quoted by the earlier clarification that `text` repeats. `matched` applies the
 * thresholds of each measure.
 */
export function claimLikeness(text: string, earlierStory: string, earlierClarification: string | null): { similarity: number; matched: boolean } {
  const grams = trigrams(text);
  const j = jaccard(grams, trigrams(earlierStory));
  let c = 0;
  if (earlierClarification) {
    for (const q of quotedClaims(earlierClarification)) {
      const qg = trigrams(q);
      if (qg.size >= MIN_QUOTE_GRAMS) c = Math.max(c, containment(qg, grams));
    }
  }
  return {
    similarity: Math.round(Math.max(j, c) * 1000) / 1000,
    matched: j >= KNOWN_RUMOUR_MIN_SIMILARITY || c >= KNOWN_RUMOUR_MIN_CONTAINMENT,
  };
}
