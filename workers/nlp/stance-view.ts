import type { StanceView } from './model/stance-features.js';
import { normalise } from './normalise.js';
import { tokenizeEnglish } from './segment.js';

/** Thread roots recur for every reply in their thread: their reading is cached (bounded). */
const ROOT_CACHE_MAX = 4096;
const rootCache = new Map<string, { own: string; tokens: string[] }>();

function readRoot(text: string): { own: string; tokens: string[] } {
  let r = rootCache.get(text);
  if (!r) {
    const own = normalise(text).own;
    r = { own, tokens: own ? tokenizeEnglish(own) : [] };
    if (rootCache.size >= ROOT_CACHE_MAX) rootCache.clear();
    rootCache.set(text, r);
  }
  return r;
}

/**
 * The stance model's view of a reply from raw texts (shared by tagging and training). `parentText`
 * is the message the reply answers when that is not the root.
 */
export function stanceViewOf(own: string, urls: number, rootText: string | undefined, parentText: string | undefined, lang: 'zh' | 'en' = 'en'): StanceView {
  const root = rootText === undefined ? { own: '', tokens: [] } : readRoot(rootText);
  const parent = parentText === undefined ? null : normalise(parentText).own;
  return {
    lang,
    own,
    tokens: lang === 'en' ? tokenizeEnglish(own) : [],
    root: root.own,
    rootTokens: root.tokens,
    parent,
    direct: parentText === undefined,
    urls,
  };
}
