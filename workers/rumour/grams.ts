/**
 * Character n-grams (1–3) of a normalised text, for the rumour wording models. The models are
 * learnt from Chinese Weibo threads only, so only Chinese characters (plus digits and "!"/"?")
 * make grams: Latin letters, which in that corpus mostly mark ordinary news and quotes, would
 * otherwise make every English post look like a non-rumour. Digits are folded to "0" so that
 * figures generalise and years ("2012", "2013") cannot tell the era of a post.
 */
const KEEP = /[^\p{Script=Han}\p{N}!?]+/gu;
const DIGITS = /\p{N}/gu;
/** Longer texts add little and cost more: the model reads at most this many characters. */
export const GRAM_TEXT_MAX = 280;

export function gramText(normalised: string): string {
  return normalised.slice(0, GRAM_TEXT_MAX).replace(KEEP, ' ').replace(DIGITS, '0').replace(/!+/g, '!').replace(/\?+/g, '?').trim();
}

/** The distinct 1-, 2- and 3-grams of a normalised text (grams spanning a separator are dropped). */
export function textGrams(normalised: string): Set<string> {
  const t = gramText(normalised);
  const out = new Set<string>();
  for (let i = 0; i < t.length; i++) {
    const a = t[i]!;
    if (a === ' ') continue;
    out.add(a);
    const b = t[i + 1];
    if (b === undefined || b === ' ') continue;
    out.add(a + b);
    const c = t[i + 2];
    if (c === undefined || c === ' ') continue;
    out.add(a + b + c);
  }
  return out;
}
