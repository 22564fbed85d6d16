import type { Stance } from '../../shared/contracts/tags.js';
import { FeatureVector } from '../nlp/model/feature-vector.js';
import { stanceFeatures, type StanceView } from '../nlp/model/stance-features.js';
import { normalise } from '../nlp/normalise.js';
import { stanceViewOf } from '../nlp/stance-view.js';
import type { ThreadRow } from './datasets.js';
import { DatasetBuilder, type SparseDataset } from './sparse-dataset.js';
import { foldOf, partOfFold, type Part } from './splits.js';

export const STANCE_CLASSES = ['support', 'deny', 'query', 'comment'] as const satisfies readonly Stance[];
export const STANCE_BITS = 17;

export interface StanceExample {
  view: StanceView;
  label: Stance;
  part: Part;
  threadId: string;
}

/** RumourEval replies with their root and parent, split by thread. Sources are left out: a root supports itself. */
export function stanceExamples(rows: readonly ThreadRow[]): StanceExample[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: StanceExample[] = [];
  for (const r of rows) {
    if (r.kind !== 'reply' || !r.stance) continue;
    const root = byId.get(r.threadId);
    const parent = r.parentId && r.parentId !== r.threadId ? byId.get(r.parentId) : undefined;
    const n = normalise(r.text);
    out.push({
      view: stanceViewOf(n.own, n.urls.length, root?.text, parent?.text),
      label: r.stance as Stance,
      part: partOfFold(foldOf(r.threadId)),
      threadId: r.threadId,
    });
  }
  return out;
}

export function stanceDataset(ex: readonly StanceExample[], weightOf: (e: StanceExample) => number = () => 1): SparseDataset {
  const fv = new FeatureVector(STANCE_BITS, 1024);
  const b = new DatasetBuilder();
  for (const e of ex) {
    stanceFeatures(fv, e.view);
    b.add(fv, STANCE_CLASSES.indexOf(e.label as (typeof STANCE_CLASSES)[number]), weightOf(e));
  }
  return b.build();
}

/** Labelled replies (own or domain labels) as stance examples of one language. */
export function labelledStanceExamples(
  items: readonly { text: string; root?: string; parent?: string; stance: Stance | null; part: Part; threadKey: string }[],
  lang: 'zh' | 'en',
): StanceExample[] {
  const out: StanceExample[] = [];
  for (const e of items) {
    if (e.stance === null) continue;
    const n = normalise(e.text);
    if (n.own === '') continue;
    out.push({ view: stanceViewOf(n.own, n.urls.length, e.root, e.parent, lang), label: e.stance, part: e.part, threadId: e.threadKey });
  }
  return out;
}
