import { mentionUid, type Mention } from '../../shared/contracts/mention.js';
import type { Stance } from '../../shared/contracts/tags.js';
import type { TagContext, Tagger } from '../nlp/tagger.js';
import { BoundedMap } from '../stories/bounded-map.js';
import { emptySignals, observe, recordOfficialAnswer, type RumourObservation } from './accumulate.js';
import { assess } from './assess.js';
import { isClarification, matchAnsweredStory } from './clarification.js';
import type { RumourModel } from './model.js';
import { observationOf, startsThread } from './observation.js';
import type { StorySignals } from './signals.js';

/** Earlier mentions kept for thread context and root lookup (least recently used dropped first). */
const CONTEXT_CAPACITY = 500_000;

export interface ThreadCollectorOptions {
  tagger: Tagger;
  /** Use only the first N responses of each thread (`--max-replies N`). */
  maxReplies?: number;
  /** Replace the tagger's stance (evaluation with gold stance); undefined keeps the tagger's. */
  stanceOf?: (m: Mention) => Stance | undefined;
}

export interface ThreadObservation {
  /** uid of the thread's root. */
  thread: string;
  /** The root's platform id (what `yuqing rumours` prints as rootId). */
  rootId: string;
  obs: RumourObservation;
}

/**
 * Groups Mention lines into threads the way the store does (a reply or repost joins its root,
 * or its parent's thread when no root is named), tags each with its root and parent as context,
 * and hands on one observation per mention kept. The CLI, training and evaluation share it.
 */
export function createThreadCollector(opts: ThreadCollectorOptions) {
  const seen = new BoundedMap<{ text: string; official: boolean; thread: string }>(CONTEXT_CAPACITY / 2);
  const responses = new Map<string, number>();
  const max = opts.maxReplies ?? Infinity;

  return {
    /** The observation for a mention, or undefined when it is over the thread's reply budget. */
    add(m: Mention): ThreadObservation | undefined {
      const uid = mentionUid(m);
      const opens = startsThread(m);
      let thread = uid;
      if (!opens) {
        const anchorId = m.rootId ?? m.parentId;
        const anchor = anchorId === undefined ? uid : mentionUid({ platform: m.platform, id: anchorId });
        thread = m.rootId === undefined ? (seen.get(anchor)?.thread ?? anchor) : anchor;
      }
      const root = seen.get(thread);
      seen.set(uid, { text: m.text, official: m.author?.official === true, thread });
      if (!opens) {
        const n = responses.get(thread) ?? 0;
        if (n >= max) return undefined;
        responses.set(thread, n + 1);
      }
      const ctx: TagContext = {};
      if (!opens) {
        if (root) ctx.root = { text: root.text, official: root.official };
        const parent = m.parentId === undefined ? undefined : seen.get(mentionUid({ platform: m.platform, id: m.parentId }));
        if (parent) ctx.parent = { text: parent.text };
      }
      const { normalised, ...tags } = opts.tagger.tag(m, ctx);
      const stance = opts.stanceOf?.(m) ?? tags.stance;
      const idOfThread = thread.slice(thread.indexOf(':') + 1);
      return { thread, rootId: idOfThread, obs: observationOf(m, uid, { stance, emotion: tags.emotion }, normalised, opens) };
    },
  };
}

export interface ThreadScore {
  rootId: string;
  score: number;
  needsClarification: boolean;
  signals: StorySignals;
}

/**
 * Scores threads from Mention lines in time order: the code path of `yuqing rumours`. Each
 * thread's signals are updated per mention (as the live store does) and assessed at the end.
 * An official clarification posted on its own is linked to the thread it answers.
 */
export function createThreadScorer(opts: ThreadCollectorOptions & { model: RumourModel }) {
  const collector = createThreadCollector(opts);
  const threads = new Map<string, { rootId: string; rooted: boolean; signals: StorySignals }>();

  return {
    add(m: Mention): void {
      const t = collector.add(m);
      if (!t) return;
      let entry = threads.get(t.thread);
      if (!entry) {
        entry = { rootId: t.rootId, rooted: false, signals: emptySignals(t.obs.at) };
        threads.set(t.thread, entry);
      }
      if (t.obs.startsThread) entry.rooted = true;
      observe(entry.signals, t.obs, opts.model);
      if (t.obs.startsThread && isClarification(t.obs.author.official, t.obs.own)) linkClarification(t.thread, t.obs);
    },
    results(): ThreadScore[] {
      const out: ThreadScore[] = [];
      for (const e of threads.values()) {
        if (!e.rooted) continue;
        const a = assess(e.signals, opts.model);
        out.push({ rootId: e.rootId, score: a.score, needsClarification: a.needsClarification, signals: e.signals });
      }
      return out;
    },
  };

  function linkClarification(clarThread: string, obs: RumourObservation): void {
    const candidates: { id: string; text: string; signals: StorySignals }[] = [];
    for (const [id, e] of threads) {
      if (id === clarThread || !e.rooted || e.signals.root?.official || e.signals.officialAnswer) continue;
      assess(e.signals, opts.model);
      if (e.signals.score >= opts.model.file.threshold) candidates.push({ id, text: e.signals.root?.text ?? '', signals: e.signals });
    }
    const hit = matchAnsweredStory(obs.own || obs.quoted, candidates);
    if (!hit) return;
    recordOfficialAnswer(hit.signals, {
      uid: obs.uid, at: obs.at, text: obs.text.slice(0, 80), via: 'post', storyId: clarThread, author: obs.author.name, followers: obs.author.followers ?? 0,
    });
    const own = threads.get(clarThread);
    if (own) own.signals.answers = hit.id;
  }
}
