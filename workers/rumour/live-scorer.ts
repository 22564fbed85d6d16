import { answerableStories, type StoryState } from '../../shared/store/repos/stories.js';
import type { Executor } from '../../shared/store/store.js';
import { observe, parseSignals, recordOfficialAnswer, type RumourObservation } from './accumulate.js';
import { assess } from './assess.js';
import { isClarification, matchAnsweredStory } from './clarification.js';
import { loadRumourModel, type RumourModel } from './model.js';
import { EXAMPLE_TEXT_MAX, type StorySignals } from './signals.js';

/** How far back (story time) an official clarification looks for the story it answers. */
const ANSWER_LOOKBACK_MS = 48 * 3600_000;
/** Stories looked at per clarification: open candidates, then recent likely rumours. */
const OPEN_CANDIDATES = 50;
const RECENT_LIKELY = 200;

/** The batch's stories as the writer holds them: in memory, and loaded (locked) on demand. */
export interface BatchStories {
  /** A story the batch already holds. */
  get(id: string): StoryState | undefined;
  /** Every story the batch holds, in the order it first touched them. */
  all(): Iterable<StoryState>;
  /** Loads (and holds for this transaction) a story the batch has not touched yet. */
  load(id: string): Promise<StoryState | undefined>;
  readonly db: Executor;
}

/**
 * The rumour scorer inside the store's write transaction. Per batch: each newly stored mention
 * updates its story's signals (parsed once per story from the row the writer holds); at the end
 * every touched story is assessed and its row updated in memory with `signals`, `rumour_score` and
 * `candidate` in sync (the writer saves them with the counters), and an official clarification
 * posted on its own is linked to the story it answers.
 *
 * `candidate` = the story has needed a clarification at some point (kept once set, so a story an
 * official account then answered stays visible); never for a story whose root is an official post.
 */
export function createLiveStoryScorer(model: RumourModel = loadRumourModel()) {
  return {
    model,
    /** Scratch state for one batch; use inside the write transaction only. */
    batch(stories: BatchStories) {
      const states = new Map<string, StorySignals>();
      const clarifications: { storyId: string; obs: RumourObservation }[] = [];

      const stateOf = (id: string, at: number): StorySignals => {
        let s = states.get(id);
        if (!s) {
          const row = stories.get(id);
          s = parseSignals(row?.signals, row?.first_seen ?? at);
          states.set(id, s);
        }
        return s;
      };

      return {
        /** Adds a newly stored mention (never a duplicate) to its story, whose row the writer already updated. */
        add(storyId: string, obs: RumourObservation): void {
          const s = stateOf(storyId, obs.at);
          observe(s, obs, model);
          // A clarification posted on its own starts a story, or joins an earlier official one made
          // from the same template; either way it answers some other story, found at the end.
          const ownOrOfficialStory = s.root?.uid === obs.uid || s.root?.official === true;
          if (obs.startsThread && ownOrOfficialStory && isClarification(obs.author.official, obs.own || obs.quoted)) {
            clarifications.push({ storyId, obs });
          }
        },

        /** Links clarifications, assesses every touched story and updates its row; returns the rows. */
        async finish(): Promise<StoryState[]> {
          for (const s of states.values()) assess(s, model);
          for (const c of clarifications) await linkClarification(c.storyId, c.obs);
          const rows: StoryState[] = [];
          for (const [id, s] of states) {
            const row = stories.get(id);
            if (!row) continue;
            assess(s, model);
            const candidate = s.flaggedAt !== undefined && !s.root?.official;
            row.signals = JSON.stringify(s);
            row.rumour_score = row.root_official === 1 ? 0 : s.score;
            row.candidate = row.root_official === 1 || !candidate ? 0 : 1;
            if (s.officialAnswer) row.official_replied = 1;
            rows.push(row);
          }
          return rows;
        },
      };

      async function linkClarification(clarStory: string, obs: RumourObservation): Promise<void> {
        const since = obs.at - ANSWER_LOOKBACK_MS;
        const likelyFrom = model.file.threshold / 2;
        const pool = new Map<string, { id: string; text: string }>();
        // Stories of this very batch first: their scores are not in the table yet.
        for (const [id, s] of states) {
          if (id !== clarStory && s.root && !s.root.official && s.score >= likelyFrom) pool.set(id, { id, text: s.root.text });
        }
        // Then the stored ones, with the batch's own stories judged by the rows it holds (their
        // counters and last_seen already include this batch; their flags are still the stored ones).
        const stored = await answerableStories(stories.db, { since, likelyFrom, openLimit: OPEN_CANDIDATES, likelyLimit: RECENT_LIKELY });
        const held = [...stories.all()];
        const open = [...stored.open.filter((r) => !stories.get(r.id)), ...held.filter((r) => r.candidate === 1 && r.last_seen >= since && r.root_official === 0)];
        const likely = [
          ...stored.likely.filter((r) => !stories.get(r.id)),
          ...held.filter((r) => r.candidate === 0 && r.last_seen >= since && r.root_official === 0 && r.rumour_score >= likelyFrom),
        ];
        for (const r of [...open, ...likely]) if (!pool.has(r.id)) pool.set(r.id, { id: r.id, text: r.text });
        pool.delete(clarStory);
        const hit = matchAnsweredStory(obs.own || obs.quoted, [...pool.values()]);
        if (!hit) return;
        if (!stories.get(hit.id) && !(await stories.load(hit.id))) return;
        const target = stateOf(hit.id, obs.at);
        if (target.root?.official) return;
        const linked = recordOfficialAnswer(target, {
          uid: obs.uid,
          at: obs.at,
          text: obs.text.slice(0, EXAMPLE_TEXT_MAX),
          via: 'post',
          storyId: clarStory,
          author: obs.author.name,
          followers: obs.author.followers ?? 0,
        });
        if (linked) stateOf(clarStory, obs.at).answers = hit.id;
      }
    },
  };
}
