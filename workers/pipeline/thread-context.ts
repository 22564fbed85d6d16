import { mentionUid, type Mention } from '../../shared/contracts/mention.js';
import type { TagContext } from '../nlp/tagger.js';
import { threadContexts } from '../../shared/store/repos/mentions.js';
import type { Executor } from '../../shared/store/store.js';

/**
 * Finds the root and parent texts a reply's stance is judged against: from the same batch first,
 * then from the store. A reply whose root has not arrived yet is tagged without it.
 */
export async function loadThreadContext(db: Executor, mentions: Mention[]): Promise<(m: Mention) => TagContext> {
  const known = new Map<string, { text: string; official: boolean }>();
  for (const m of mentions) known.set(mentionUid(m), { text: m.text, official: m.author?.official === true });
  const wanted = new Set<string>();
  for (const m of mentions) {
    for (const id of [m.rootId, m.parentId]) {
      if (id === undefined) continue;
      const uid = mentionUid({ platform: m.platform, id });
      if (!known.has(uid)) wanted.add(uid);
    }
  }
  for (const r of await threadContexts(db, [...wanted])) known.set(r.uid, { text: r.text, official: r.author_official === 1 });
  return (m) => {
    const root = m.rootId === undefined ? undefined : known.get(mentionUid({ platform: m.platform, id: m.rootId }));
    const parent = m.parentId === undefined ? undefined : known.get(mentionUid({ platform: m.platform, id: m.parentId }));
    return {
      ...(root ? { root: { text: root.text, official: root.official } } : {}),
      ...(parent ? { parent: { text: parent.text } } : {}),
    };
  };
}
