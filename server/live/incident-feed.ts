import type { IncidentLiveEvent } from '../../shared/contracts/incidents.js';
import { incidentViews } from '../incidents/read.js';
import type { Db } from '../store/open.js';

/**
 * Finds incidents opened or changed since the last poll, from any process (workers open them,
 * any server instance changes them), through the incident_events log: its AUTOINCREMENT ids grow
 * in commit order, so remembering the last id seen misses nothing and needs no clock.
 */
export function createIncidentFeed(db: Db) {
  const maxId = db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM incident_events');
  const since = db.prepare('SELECT id, incident_id, action FROM incident_events WHERE id > ? ORDER BY id LIMIT 1000');
  let lastId = (maxId.get() as { id: number }).id;

  return {
    poll(now: number): IncidentLiveEvent[] {
      const rows = since.all(lastId) as { id: number; incident_id: number; action: string }[];
      if (rows.length === 0) return [];
      // With more changes than the LIMIT, the rest come on the next poll, in order.
      lastId = rows[rows.length - 1]!.id;
      const order = new Map<number, number>();
      const opened = new Set<number>();
      for (const r of rows) {
        if (!order.has(r.incident_id)) order.set(r.incident_id, order.size);
        if (r.action === 'opened') opened.add(r.incident_id);
      }
      return incidentViews(db, [...order.keys()], now)
        .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
        .map((incident) => ({ kind: opened.has(incident.id) ? 'opened' : 'updated', incident }));
    },
  };
}
