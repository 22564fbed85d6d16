import type { Mention } from '../../../shared/contracts/mention.js';
import { createTagger, type TagContext, type Tagger } from '../../../workers/nlp/tagger.js';

let tagger: Tagger | undefined;

/** One tagger for all tests in a file (loading the segmenter takes ~0.2 s). */
export function sharedTagger(): Tagger {
  tagger ??= createTagger();
  return tagger;
}

export function mention(text: string, over: Partial<Mention> = {}): Mention {
  return { id: 'm1', platform: 'weibo', kind: 'post', text, createdAt: '2024-05-01T08:00:00+08:00', ...over };
}

export function tagText(text: string, over: Partial<Mention> = {}, ctx?: TagContext) {
  return sharedTagger().tag(mention(text, over), ctx);
}
