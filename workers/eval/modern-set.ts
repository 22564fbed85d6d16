import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Emotion, Stance } from '../../shared/contracts/tags.js';
import type { DomainItem } from './domain-eval.js';

/**
 * The project's own modern-style test set (README: Own annotations): threads around city police
 * and government accounts in 2020s Weibo and X style (slang, sarcasm, rhetorical questions,
 * queries and denials without stock cue words), written for the project and labelled by two
 * annotators each, disagreements adjudicated. Never trained on; the texts are ours, so they ship.
 */
export const MODERN_SET = fileURLToPath(new URL('./modern-set.jsonl', import.meta.url));

interface ModernLine {
  id: string;
  lang: 'zh' | 'en';
  kind: 'post' | 'reply';
  text: string;
  rootId?: string;
  parentId?: string;
  s: 'pos' | 'neu' | 'neg';
  c: 0 | 1;
  st: Stance | null;
  e: Emotion;
}

const SENTIMENT = { pos: 'positive', neu: 'neutral', neg: 'negative' } as const;

export function loadModernSet(file = MODERN_SET): DomainItem[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ModernLine);
  const byId = new Map(lines.map((l) => [l.id, l]));
  return lines.map((l) => {
    const root = l.rootId ? byId.get(l.rootId) : undefined;
    const parent = l.parentId && l.parentId !== l.rootId ? byId.get(l.parentId) : undefined;
    return {
      id: l.id,
      lang: l.lang,
      kind: l.kind,
      text: l.text,
      ...(root ? { root: root.text } : {}),
      ...(parent ? { parent: parent.text } : {}),
      sentiment: SENTIMENT[l.s],
      critical: l.c === 1,
      stance: l.kind === 'reply' ? l.st : null,
      emotion: l.e,
    };
  });
}
