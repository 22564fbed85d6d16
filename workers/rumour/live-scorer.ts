import type { Statement } from 'better-sqlite3';
import type { StoryRow } from '../../shared/store/rows.js';
import type { Db } from '../store/open.js';
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

/**
 * The rumour scorer inside the store's write transaction. Per batch: each newly stored mention
 * updates its story's signals (loaded once per story from `stories.signals`); at the end every
 * touched story is assessed and written back with `rumour_score` and `candidate` in sync, and an
 * official clarification posted on its own is linked to the story it answers.
 *
 * `candidate` = the story has needed a clarification at some point (kept once set, so a story an
 * official account then answered stays visible); never for a story whose root is an official post.
 */
export function createLiveStoryScorer(db: Db, model: RumourModel = loadRumourModel()) {
  const getSignals: Statement<[string], { signals: string; first_seen: number }> = db.prepare(
    'SELECT signals, first_seen FROM stories WHERE id = ?',
  );
  const save = db.prepare(`
    UPDATE stories SET signals = @signals,
      rumour_score = CASE WHEN root_official = 1 THEN 0 ELSE @score END,
      candidate = CASE WHEN root_official = 1 THEN 0 ELSE @candidate END,
      official_replied = MAX(official_replied, @answered)
    WHERE id = @id`);
  const getStory: Statement<[string], StoryRow> = db.prepare('SELECT * FROM stories WHERE id = ?');
  const openCandidates: Statement<[number, number], { id: string; text: string }> = db.prepare(
    `SELECT id, text FROM stories WHERE candidate = 1 AND last_seen >= ? AND root_official = 0
     ORDER BY rumour_score DESC LIMIT ?`,
  );
  const recentLikely: Statement<[number, number, number], { id: string; text: string }> = db.prepare(
    `SELECT id, text FROM stories WHERE last_seen >= ? AND candidate = 0 AND root_official = 0 AND rumour_score >= ?
     ORDER BY last_seen DESC LIMIT ?`,
  );

  return {
    model,
    /** Scratch state for one batch; use inside the write transaction only. */
    batch() {
      const states = new Map<string, StorySignals>();
      const clarifications: { storyId: string; obs: RumourObservation }[] = [];

      const stateOf = (id: string, at: number): StorySignals => {
        let s = states.get(id);
        if (!s) {
          const row = getSignals.get(id);
          s = parseSignals(row?.signals, row?.first_seen ?? at);
          states.set(id, s);
        }
        return s;
      };

      return {
        /** Adds a newly stored mention (never a duplicate) to its story. */
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

        /** Links clarifications, assesses and saves every touched story; returns their rows. */
        finish(): StoryRow[] {
          for (const s of states.values()) assess(s, model);
          for (const c of clarifications) linkClarification(c.storyId, c.obs);
          const rows: StoryRow[] = [];
          for (const [id, s] of states) {
            assess(s, model);
            const candidate = s.flaggedAt !== undefined && !s.root?.official;
            save.run({
              id,
              signals: JSON.stringify(s),
              score: s.score,
              candidate: candidate ? 1 : 0,
              answered: s.officialAnswer ? 1 : 0,
            });
            const row = getStory.get(id);
            if (row) rows.push(row);
          }
          return rows;
        },
      };

      function linkClarification(clarStory: string, obs: RumourObservation): void {
        const since = obs.at - ANSWER_LOOKBACK_MS;
        const pool = new Map<string, { id: string; text: string }>();
        // Stories of this very batch first: their scores are not in the table yet.
        for (const [id, s] of states) {
          if (id !== clarStory && s.root && !s.root.official && s.score >= model.file.threshold / 2) pool.set(id, { id, text: s.root.text });
        }
        for (const r of openCandidates.all(since, OPEN_CANDIDATES)) if (!pool.has(r.id)) pool.set(r.id, r);
        for (const r of recentLikely.all(since, model.file.threshold / 2, RECENT_LIKELY)) if (!pool.has(r.id)) pool.set(r.id, r);
        pool.delete(clarStory);
        const hit = matchAnsweredStory(obs.own || obs.quoted, [...pool.values()]);
        if (!hit) return;
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
