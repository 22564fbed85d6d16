import {
  LIVE_INCIDENTS_MAX,
  type IncidentDetail,
  type IncidentEvidence,
  type IncidentListQuery,
  type IncidentView,
} from '../../shared/contracts/incidents.js';
import type { StoryView } from '../../shared/contracts/views.js';
import { byUrgency } from '../../shared/incidents/clock.js';
import { presentIncident, presentIncidentEvent, type IncidentEventRow, type IncidentRow } from '../../shared/store/incident-rows.js';
import { presentMention, presentStory, type MentionRow, type StoryRow } from '../../shared/store/rows.js';
import type { Db } from '../store/open.js';
import { clarificationEffect, type EffectMention } from './effect.js';

/** Incidents still needing work (not clarified, not dismissed) that a handover sheet lists at most. */
export const HANDOVER_MAX = 500;
const EVIDENCE_EACH = 5;
/** Mentions of one story read for the effect computation at most (a viral story is capped, newest dropped). */
const EFFECT_MAX_MENTIONS = 50_000;

function storiesById(db: Db, ids: string[]): Map<string, StoryView> {
  const out = new Map<string, StoryView>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 400) {
    const chunk = unique.slice(i, i + 400);
    const rows = db.prepare(`SELECT * FROM stories WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as StoryRow[];
    for (const r of rows) out.set(r.id, presentStory(r));
  }
  return out;
}

function present(db: Db, rows: IncidentRow[], now: number): IncidentView[] {
  const stories = storiesById(db, rows.map((r) => r.story_id));
  return rows.map((r) => presentIncident(r, stories.get(r.story_id) ?? null, now));
}

export function listIncidents(db: Db, q: IncidentListQuery, now: number): IncidentView[] {
  const statuses = q.status ?? [];
  const where = statuses.length ? `WHERE status IN (${statuses.map(() => '?').join(',')})` : '';
  const rows = db
    .prepare(`SELECT * FROM incidents ${where} ORDER BY opened_at DESC, id DESC LIMIT ?`)
    .all(...statuses, q.limit) as IncidentRow[];
  return present(db, rows, now);
}

/** Everything not clarified or dismissed, most urgent first (see byUrgency). */
export function openIncidentsByUrgency(db: Db, now: number, limit = HANDOVER_MAX): IncidentView[] {
  const rows = db
    .prepare(`SELECT * FROM incidents WHERE status NOT IN ('clarified', 'dismissed') ORDER BY opened_at ASC LIMIT ?`)
    .all(limit) as IncidentRow[];
  return present(db, rows, now).sort(byUrgency);
}

/** What the live snapshot carries. */
export function liveIncidents(db: Db, now: number): IncidentView[] {
  return openIncidentsByUrgency(db, now, HANDOVER_MAX).slice(0, LIVE_INCIDENTS_MAX);
}

export function incidentRow(db: Db, id: number): IncidentRow | undefined {
  return db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
}

export function incidentView(db: Db, id: number, now: number): IncidentView | null {
  const row = incidentRow(db, id);
  return row ? (present(db, [row], now)[0] ?? null) : null;
}

export function incidentViews(db: Db, ids: number[], now: number): IncidentView[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`SELECT * FROM incidents WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as IncidentRow[];
  return present(db, rows, now);
}

function evidence(db: Db, storyId: string): IncidentEvidence {
  const byStance = db.prepare(
    `SELECT * FROM mentions WHERE story_id = ? AND stance = ? AND kind != 'post'
     ORDER BY engagement DESC, followers DESC, created_at ASC LIMIT ?`,
  );
  const spreaders = db
    .prepare(
      `SELECT * FROM mentions WHERE story_id = ? AND kind != 'reply' AND author_official = 0
       ORDER BY followers DESC, engagement DESC, created_at ASC LIMIT ?`,
    )
    .all(storyId, EVIDENCE_EACH) as MentionRow[];
  return {
    queries: (byStance.all(storyId, 'query', EVIDENCE_EACH) as MentionRow[]).map(presentMention),
    denies: (byStance.all(storyId, 'deny', EVIDENCE_EACH) as MentionRow[]).map(presentMention),
    spreaders: spreaders.map(presentMention),
  };
}

/** The official answer the scorer detected on the story (signals.officialAnswer), if any. */
export function detectedAnswer(db: Db, storyId: string): { uid: string; at: number } | null {
  const row = db.prepare('SELECT signals FROM stories WHERE id = ?').get(storyId) as { signals?: string } | undefined;
  if (!row?.signals) return null;
  try {
    const a = (JSON.parse(row.signals) as { officialAnswer?: { uid?: unknown; at?: unknown } }).officialAnswer;
    if (a && typeof a.uid === 'string' && typeof a.at === 'number') return { uid: a.uid, at: a.at };
  } catch {
    // A scorer state that cannot be read means no detected answer, not a broken incident page.
  }
  return null;
}

const EFFECT_COLUMNS = 'created_at, kind, stance, followers';

export function incidentDetail(db: Db, id: number, now: number): IncidentDetail | null {
  const row = incidentRow(db, id);
  if (!row) return null;
  const incident = present(db, [row], now)[0]!;
  const events = (db.prepare('SELECT * FROM incident_events WHERE incident_id = ? ORDER BY id ASC').all(id) as IncidentEventRow[]).map(
    presentIncidentEvent,
  );
  const detected = row.clarification_uid ? null : detectedAnswer(db, row.story_id);
  const clarUid = row.clarification_uid ?? detected?.uid ?? null;
  const clarRow = clarUid ? (db.prepare('SELECT * FROM mentions WHERE uid = ?').get(clarUid) as MentionRow | undefined) : undefined;
  let effect: IncidentDetail['effect'] = null;
  if (clarUid && (clarRow || detected)) {
    const at = clarRow?.created_at ?? detected!.at;
    const story = db
      .prepare(`SELECT ${EFFECT_COLUMNS} FROM mentions WHERE story_id = ? AND thread_uid != ? ORDER BY created_at ASC LIMIT ?`)
      .all(row.story_id, clarUid, EFFECT_MAX_MENTIONS) as EffectMention[];
    const thread = db.prepare(`SELECT ${EFFECT_COLUMNS} FROM mentions WHERE thread_uid = ? LIMIT ?`).all(clarUid, EFFECT_MAX_MENTIONS) as EffectMention[];
    effect = clarificationEffect({
      clarificationUid: clarUid,
      source: row.clarification_uid ? 'linked' : 'detected',
      at,
      now,
      story,
      clarificationThread: thread,
    });
  }
  return {
    incident,
    events,
    evidence: evidence(db, row.story_id),
    clarification: clarRow ? presentMention(clarRow) : null,
    effect,
    knownIncident: row.known_incident_id === null ? null : incidentView(db, row.known_incident_id, now),
  };
}
