import type { Statement } from 'better-sqlite3';
import { claimLikeness } from '../../shared/incidents/similarity.js';
import type { StoryRow } from '../../shared/store/rows.js';
import type { Db } from './open.js';

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

interface Statements {
  insert: Statement;
  signals: Statement;
  setReasons: Statement;
  event: Statement;
  closed: Statement;
  setKnown: Statement;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      insert: db.prepare(
        `INSERT OR IGNORE INTO incidents (story_id, opened_at, status, score_at_open, story_text, updated_at)
         VALUES (?, ?, 'open', ?, ?, ?)`,
      ),
      signals: db.prepare('SELECT signals FROM stories WHERE id = ?'),
      setReasons: db.prepare('UPDATE incidents SET reasons_at_open = ? WHERE id = ?'),
      event: db.prepare(
        'INSERT INTO incident_events (incident_id, at, actor, action, from_value, to_value, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      closed: db.prepare(
        `SELECT i.id, i.story_text, m.text AS clarification_text FROM incidents i
         LEFT JOIN mentions m ON m.uid = i.clarification_uid
         WHERE i.closed_at IS NOT NULL AND i.status IN ('clarified', 'dismissed')
         ORDER BY i.closed_at DESC LIMIT ?`,
      ),
      setKnown: db.prepare('UPDATE incidents SET known_incident_id = ?, known_similarity = ? WHERE id = ?'),
    };
    cache.set(db, s);
  }
  return s;
}

/** The scorer's explanation and the (data) time it first flagged the story, from `stories.signals`. */
function scorerStateOf(st: Statements, storyId: string): { reasons: string | null; flaggedAt: number | null } {
  const row = st.signals.get(storyId) as { signals?: string } | undefined;
  if (!row?.signals) return { reasons: null, flaggedAt: null };
  try {
    const parsed = JSON.parse(row.signals) as { reasons?: unknown; flaggedAt?: unknown };
    return {
      reasons: parsed.reasons === undefined ? null : JSON.stringify(parsed.reasons),
      flaggedAt: typeof parsed.flaggedAt === 'number' ? parsed.flaggedAt : null,
    };
  } catch {
    return { reasons: null, flaggedAt: null };
  }
}

function knownIncident(st: Statements, text: string): { id: number; similarity: number } | null {
  if (!text) return null;
  const rows = st.closed.all(KNOWN_RUMOUR_CANDIDATES) as { id: number; story_text: string; clarification_text: string | null }[];
  let best: { id: number; similarity: number } | null = null;
  for (const r of rows) {
    const m = claimLikeness(text, r.story_text, r.clarification_text);
    if (m.matched && (!best || m.similarity > best.similarity)) best = { id: r.id, similarity: m.similarity };
  }
  return best;
}

/**
 * Opens an incident for each story that needs clarification and has none yet. Runs inside the
 * worker's batch transaction (synchronous work on `db`): keyed by story id with INSERT OR IGNORE,
 * so a story never gets two incidents, whatever the redeliveries or concurrent workers. A new
 * incident is matched against recently closed ones (known rumours) and the link is recorded.
 * Returns only the incidents this call opened.
 */
export function openIncidents(db: Db, stories: StoryRow[], now: number): IncidentOpened[] {
  const st = statements(db);
  const opened: IncidentOpened[] = [];
  for (const s of stories) {
    // An official account's own statement is never a rumour, whatever a scorer says.
    if (s.candidate !== 1 || s.root_official === 1) continue;
    const { reasons, flaggedAt } = scorerStateOf(st, s.id);
    // The response clock runs from detection in the data's own time: for live traffic that is now;
    // for a backfill or an import of past posts it is when the posts showed the rumour.
    const openedAt = Math.min(now, flaggedAt ?? now);
    const r = st.insert.run(s.id, openedAt, s.rumour_score, s.text, now);
    if (r.changes === 0) continue;
    const id = Number(r.lastInsertRowid);
    if (reasons !== null) st.setReasons.run(reasons, id);
    st.event.run(id, openedAt, SYSTEM_ACTOR, 'opened', null, 'open', `score ${s.rumour_score}`);
    const known = knownIncident(st, s.text);
    if (known) {
      st.setKnown.run(known.id, known.similarity, id);
      st.event.run(id, now, SYSTEM_ACTOR, 'known', null, String(known.id), `similarity ${known.similarity}`);
    }
    opened.push({ id, storyId: s.id, openedAt, knownIncidentId: known?.id ?? null, knownSimilarity: known?.similarity ?? null });
  }
  return opened;
}
