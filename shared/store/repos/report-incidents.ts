import type { IncidentAction } from '../../contracts/incidents.js';
import type { IncidentRow } from '../incident-rows.js';
import type { Executor } from '../store.js';

/** What counts as an officer's response to an incident (not the system opening it or matching a known rumour). */
const RESPONSE_ACTIONS: IncidentAction[] = ['acknowledged', 'assigned', 'status', 'clarification'];

export interface IncidentHandling {
  row: IncidentRow;
  firstResponseAt: number | null;
  clarifiedAt: number | null;
}

/**
 * Incidents open at some point in [from, to): opened before its end and not closed before its
 * start. Their status is the one they have now (the report says when each step happened).
 */
export async function incidentsDuring(db: Executor, from: number, to: number, limit: number): Promise<IncidentHandling[]> {
  const rows = (await db
    .selectFrom('incidents')
    .selectAll()
    .where('opened_at', '<', to)
    .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', from)]))
    .orderBy('opened_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute()) as IncidentRow[];
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('incident_events')
    .select(['incident_id', 'at', 'action', 'to_value'])
    .where(
      'incident_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('action', 'in', RESPONSE_ACTIONS)
    .orderBy('id', 'asc')
    .execute();
  return rows.map((row) => {
    const mine = events.filter((e) => Number(e.incident_id) === row.id);
    const first = mine.reduce<number | null>((m, e) => (m === null || Number(e.at) < m ? Number(e.at) : m), null);
    const clarified = mine.find((e) => e.action === 'status' && e.to_value === 'clarified');
    return { row, firstResponseAt: first, clarifiedAt: clarified ? Number(clarified.at) : null };
  });
}
