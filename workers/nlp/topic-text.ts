import type { Normalised } from './normalise.js';

/** What topic rules read: own words, the quoted chain and the hashtags, one per line. */
export function topicTextOf(n: Normalised): string {
  let text = n.own;
  for (const c of n.chain) text += '\n' + c.text;
  for (const h of n.hashtags) text += '\n' + h;
  return text;
}
