import { EMOTIONS, SENTIMENTS, STANCES, type Emotion, type SentimentLabel, type Stance } from '../../shared/contracts/tags.js';
import type { TagContext, TagResult, Tagger } from '../nlp/tagger.js';
import type { EvalRow } from './eval-row.js';
import { asMention } from './mentions.js';
import { accuracy, macroF1, perClass } from './metrics.js';

/** One text labelled for the four tone tags, with its thread context when it is a reply. */
export interface DomainItem {
  id: string;
  lang: 'zh' | 'en';
  kind: 'post' | 'reply';
  text: string;
  root?: string;
  parent?: string;
  sentiment: SentimentLabel;
  critical: boolean;
  stance: Stance | null;
  emotion: Emotion;
}

/** What the tagger says of each item, read exactly as `yuqing tag` reads a thread. */
export function tagDomainItems(items: readonly DomainItem[], tagger: Tagger): TagResult[] {
  return items.map((e) => {
    const platform = e.lang === 'zh' ? 'weibo' : 'twitter';
    if (e.kind === 'post') return tagger.tag(asMention(e.id, e.text, platform));
    const ctx: TagContext = { ...(e.root ? { root: { text: e.root } } : {}), ...(e.parent ? { parent: { text: e.parent } } : {}) };
    return tagger.tag(asMention(e.id, e.text, platform, { kind: 'reply', rootId: 'root' }), ctx);
  });
}

/**
 * Per-tag figures of the tagger on labelled domain items: three-way sentiment accuracy and
 * macro-F1, critical precision/recall, stance precision/recall per class (replies), emotion
 * macro-F1, per language and for both together. `baseline` is left empty: these rows are read
 * against the targets, not against a toy model.
 */
export function domainRows(items: readonly DomainItem[], tags: readonly TagResult[], corpus: string, split: string, note: string): EvalRow[] {
  const rows: EvalRow[] = [];
  const groups: [string, number[]][] = [
    ['zh+en', items.map((_, i) => i)],
    ['zh', items.flatMap((e, i) => (e.lang === 'zh' ? [i] : []))],
    ['en', items.flatMap((e, i) => (e.lang === 'en' ? [i] : []))],
  ];
  for (const [lang, ix] of groups) {
    if (ix.length === 0 || (lang !== 'zh+en' && ix.length === items.length)) continue;
    const row = (task: string, metric: string, ours: number, n: string) =>
      rows.push({ task: `${task} (${lang})`, corpus, split: `${split}, ${n}`, metric, ours, baseline: null, note });
    const sg = ix.map((i) => SENTIMENTS.indexOf(items[i]!.sentiment));
    const sp = ix.map((i) => SENTIMENTS.indexOf(tags[i]!.sentiment.label));
    row('sentiment 3-way', 'accuracy', accuracy(sg, sp), `n=${ix.length}`);
    row('sentiment 3-way', 'macro-F1', macroF1(sg, sp, 3, [0, 1, 2]), `n=${ix.length}`);
    const neutral = perClass(sg, sp, 3)[SENTIMENTS.indexOf('neutral')]!;
    row('sentiment 3-way', 'neutral recall', neutral.r, `${neutral.support} neutral`);
    const cg = ix.map((i) => (items[i]!.critical ? 1 : 0));
    const cp = ix.map((i) => (tags[i]!.critical ? 1 : 0));
    const c = perClass(cg, cp, 2)[1]!;
    row('critical', 'precision', c.p, `${c.predicted} tagged critical`);
    row('critical', 'recall', c.r, `${c.support} critical`);
    const rix = ix.filter((i) => items[i]!.stance !== null);
    if (rix.length > 0) {
      const tg = rix.map((i) => STANCES.indexOf(items[i]!.stance!));
      const tp = rix.map((i) => STANCES.indexOf(tags[i]!.stance));
      const pc = perClass(tg, tp, 4);
      for (const s of ['query', 'deny', 'support'] as const) {
        const k = pc[STANCES.indexOf(s)]!;
        row('stance', `${s} recall`, k.r, `${k.support} ${s} of ${rix.length} replies`);
        row('stance', `${s} precision`, k.p, `${k.predicted} tagged ${s}`);
      }
      row('stance', 'macro-F1', macroF1(tg, tp, 4, [0, 1, 2, 3]), `${rix.length} replies`);
    }
    const eg = ix.map((i) => EMOTIONS.indexOf(items[i]!.emotion));
    const ep = ix.map((i) => EMOTIONS.indexOf(tags[i]!.emotion));
    row('emotion', 'macro-F1', macroF1(eg, ep, EMOTIONS.length), `n=${ix.length}`);
  }
  return rows;
}
