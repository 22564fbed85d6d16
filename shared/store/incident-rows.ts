import type { IncidentAction, IncidentEventView, IncidentStatus, IncidentView } from '../contracts/incidents.js';
import type { StoryView } from '../contracts/views.js';
import { responseClock } from '../incidents/clock.js';

/** A row of the `incidents` table as better-sqlite3 returns it. */
export interface IncidentRow {
  id: number;
  story_id: string;
  opened_at: number;
  status: IncidentStatus;
  status_note: string | null;
  assignee: string | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  clarification_uid: string | null;
  known_incident_id: number | null;
  known_similarity: number | null;
  score_at_open: number;
  reasons_at_open: string | null;
  story_text: string;
  updated_at: number;
  closed_at: number | null;
}

export interface IncidentEventRow {
  id: number;
  incident_id: number;
  at: number;
  actor: string;
  action: IncidentAction;
  from_value: string | null;
  to_value: string | null;
  note: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function parseReasons(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

/** The one place an incident is shaped for output (API and live channel). */
export function presentIncident(r: IncidentRow, story: StoryView | null, now: number): IncidentView {
  return {
    id: r.id,
    storyId: r.story_id,
    status: r.status,
    statusNote: r.status_note,
    openedAt: new Date(r.opened_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    closedAt: iso(r.closed_at),
    assignee: r.assignee,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    clarificationUid: r.clarification_uid,
    knownIncidentId: r.known_incident_id,
    knownSimilarity: r.known_similarity,
    scoreAtOpen: r.score_at_open,
    reasonsAtOpen: parseReasons(r.reasons_at_open),
    storyText: r.story_text,
    clock: responseClock(r.opened_at, now, r.closed_at),
    story,
  };
}

export function presentIncidentEvent(r: IncidentEventRow): IncidentEventView {
  return {
    id: r.id,
    incidentId: r.incident_id,
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    from: r.from_value,
    to: r.to_value,
    note: r.note,
  };
}
