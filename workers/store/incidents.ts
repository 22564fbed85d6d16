import { claimLikeness } from '../../shared/incidents/similarity.js';
import { readStoredSignals } from '../../shared/contracts/rumour-signals.js';
import {
  addIncidentEvents,
  insertIncidents,
  recentlyClosedIncidents,
  setKnownIncident,
  type IncidentEventToAdd,
} from '../../shared/store/repos/incident-opening.js';
import type { StoryRow } from '../../shared/store/rows.js';
import type { Executor } from '../../shared/store/store.js';

export interface IncidentOpened {
  id: number;
  storyId: string;
  openedAt: number;
  /** An earlier clarified or dismissed incident about the same claim, when one was recognised. */
  knownIncidentId: number | null;
  knownSimilarity: number | null;
}

/** Closed incidents a new one is compared with: the most recently closed (bounded work per new incident). */
export const KNOWN_RUMOUR_CANDIDATES = 500;
const SYSTEM_ACTOR = 'system';

/** The scorer's explanation and the (data) time it first flagged the story, from `stories.signals`. */
function scorerStateOf(signals: string | undefined): { reasons: string | null; flaggedAt: number | null } {
  const s = readStoredSignals(signals);
  return { reasons: s?.reasons === undefined ? null : JSON.stringify(s.reasons), flaggedAt: s?.flaggedAt ?? null };
}

function knownIncident(closed: readonly { id: number; story_text: string; clarification_text: string | null }[], text: string) {
  if (!text) return null;
  let best: { id: number; similarity: number } | null = null;
  for (const r of closed) {
    const m = claimLikeness(text, r.story_text, r.clarification_text);
    if (m.matched && (!best || m.similarity > best.similarity)) best = { id: r.id, similarity: m.similarity };
  }
  return best;
}

/**
 * Opens an incident for each story that needs clarification and has none yet. Runs inside the
 * worker's batch transaction: one multi-row insert keyed by story id (ON CONFLICT DO NOTHING), so a
 * story never gets two incidents, whatever the redeliveries or concurrent workers. A new incident
 * is matched against recently closed ones (known rumours) and the link is recorded. Returns only
 * the incidents this call opened. `stories` carry their scorer state (`signals`).
 */
export async function openIncidents(db: Executor, stories: readonly StoryRow[], now: number): Promise<IncidentOpened[]> {
  const wanted = new Map<string, { story: StoryRow; openedAt: number; reasons: string | null }>();
  for (const s of stories) {
    // An official account's own statement is never a rumour, whatever a scorer says.
    if (s.candidate !== 1 || s.root_official === 1 || wanted.has(s.id)) continue;
    const { reasons, flaggedAt } = scorerStateOf(s.signals);
    // The response clock runs from detection in the data's own time: for live traffic that is now;
    // for a backfill or an import of past posts it is when the posts showed the rumour.
    wanted.set(s.id, { story: s, openedAt: Math.min(now, flaggedAt ?? now), reasons });
  }
  if (wanted.size === 0) return [];
  const ids = await insertIncidents(
    db,
    [...wanted.values()].map((w) => ({
      story_id: w.story.id,
      opened_at: w.openedAt,
      score_at_open: w.story.rumour_score,
      reasons_at_open: w.reasons,
      story_text: w.story.text,
      updated_at: now,
    })),
  );
  if (ids.size === 0) return [];
  const closed = await recentlyClosedIncidents(db, KNOWN_RUMOUR_CANDIDATES);
  const events: IncidentEventToAdd[] = [];
  const opened: IncidentOpened[] = [];
  for (const [storyId, id] of [...ids].sort((a, b) => a[1] - b[1])) {
    const w = wanted.get(storyId)!;
    events.push({ incident_id: id, at: w.openedAt, actor: SYSTEM_ACTOR, action: 'opened', from_value: null, to_value: 'open', note: `score ${w.story.rumour_score}` });
    const known = knownIncident(closed, w.story.text);
    if (known) {
      await setKnownIncident(db, id, known.id, known.similarity);
      events.push({ incident_id: id, at: now, actor: SYSTEM_ACTOR, action: 'known', from_value: null, to_value: String(known.id), note: `similarity ${known.similarity}` });
    }
    opened.push({ id, storyId, openedAt: w.openedAt, knownIncidentId: known?.id ?? null, knownSimilarity: known?.similarity ?? null });
  }
  await addIncidentEvents(db, events);
  return opened;
}
