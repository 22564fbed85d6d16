import type { IncidentAction } from '../../contracts/incidents.js';
import type { Executor } from '../store.js';
import { chunksOf } from './chunks.js';

/**
 * The write side's share of incidents: opening them from the batch transaction. (Analysts'
 * commands on incidents are the server's, in their own repository.)
 */
export interface IncidentToOpen {
  story_id: string;
  opened_at: number;
  score_at_open: number;
  reasons_at_open: string | null;
  story_text: string;
  updated_at: number;
}

/**
 * Inserts an incident for each story that has none (story_id is UNIQUE: ON CONFLICT DO NOTHING, so a
 * redelivered batch or a concurrent worker never opens a second one). Returns the incidents this
 * statement opened, by story id. Sorted by story id: concurrent PostgreSQL writers lock keys in one order.
 */
export async function insertIncidents(db: Executor, rows: readonly IncidentToOpen[]): Promise<Map<string, number>> {
  const opened = new Map<string, number>();
  const sorted = [...rows].sort((a, b) => (a.story_id < b.story_id ? -1 : a.story_id > b.story_id ? 1 : 0));
  for (const chunk of chunksOf(sorted, 7)) {
    const ids = await db
      .insertInto('incidents')
      .values(chunk.map((r) => ({ ...r, status: 'open' as const })))
      .onConflict((oc) => oc.column('story_id').doNothing())
      .returning(['id', 'story_id'])
      .execute();
    for (const r of ids) opened.set(r.story_id, r.id);
  }
  return opened;
}

export interface IncidentEventToAdd {
  incident_id: number;
  at: number;
  actor: string;
  action: IncidentAction;
  from_value: string | null;
  to_value: string | null;
  note: string | null;
}

export async function addIncidentEvents(db: Executor, rows: readonly IncidentEventToAdd[]): Promise<void> {
  for (const chunk of chunksOf(rows, 7)) await db.insertInto('incident_events').values(chunk).execute();
}

/** The most recently closed (clarified or dismissed) incidents, with the text of the post that clarified each. */
export async function recentlyClosedIncidents(db: Executor, limit: number): Promise<{ id: number; story_text: string; clarification_text: string | null }[]> {
  return db
    .selectFrom('incidents as i')
    .leftJoin('mentions as m', 'm.uid', 'i.clarification_uid')
    .select(['i.id', 'i.story_text', 'm.text as clarification_text'])
    .where('i.closed_at', 'is not', null)
    .where('i.status', 'in', ['clarified', 'dismissed'])
    .orderBy('i.closed_at', 'desc')
    .limit(limit)
    .execute();
}

/** Links a new incident to the earlier one about the same claim (a known rumour). */
export async function setKnownIncident(db: Executor, id: number, knownId: number, similarity: number): Promise<void> {
  await db.updateTable('incidents').set({ known_incident_id: knownId, known_similarity: similarity }).where('id', '=', id).execute();
}
