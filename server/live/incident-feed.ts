import type { IncidentLiveEvent } from '../../shared/contracts/incidents.js';
import { incidentEventsSince, latestIncidentEventAt } from '../../shared/store/repos/incidents.js';
import type { Executor } from '../../shared/store/store.js';
import { incidentViews } from '../incidents/read.js';

/**
 * How far back each poll looks behind the newest change it has seen. Ids cannot mark progress
 * once several processes write at once (on PostgreSQL a transaction holding a lower id can commit
 * after one holding a higher id), but a change is stamped with its writer's clock when its short
 * transaction runs, so it commits within this window of its stamp: transactions take milliseconds,
 * and the window also covers clocks of different machines disagreeing by up to a minute or so.
 */
export const FEED_SAFETY_WINDOW_MS = 2 * 60_000;
const PAGE = 1000;

/**
 * Finds incidents opened or changed since the last poll, from any process (workers open them, any
 * server instance changes them), through the incident_events log: each poll reads the events
 * stamped within FEED_SAFETY_WINDOW_MS of the newest seen and skips the ids it already handled
 * (remembered for as long as they are inside the window), so an event that commits late is still
 * found and none is announced twice.
 */
export async function createIncidentFeed(db: Executor, window = FEED_SAFETY_WINDOW_MS) {
  let newest = (await latestIncidentEventAt(db)) ?? -Infinity;
  /** Ids handled, with their stamp, kept while inside the window. */
  const seen = new Map<number, number>();
  // Everything already in the log at start is history, not news.
  if (newest !== -Infinity) for (const e of await readWindow()) seen.set(e.id, e.at);

  async function readWindow() {
    const from = newest === -Infinity ? -Number.MAX_SAFE_INTEGER : newest - window;
    const rows: Awaited<ReturnType<typeof incidentEventsSince>> = [];
    for (let after: { at: number; id: number } | undefined; ; ) {
      const page = await incidentEventsSince(db, from, PAGE, after);
      rows.push(...page);
      const last = page[page.length - 1];
      if (!last || page.length < PAGE) return rows;
      after = { at: last.at, id: last.id };
    }
  }

  return {
    async poll(now: number): Promise<IncidentLiveEvent[]> {
      const fresh = (await readWindow()).filter((e) => !seen.has(e.id));
      for (const e of fresh) {
        seen.set(e.id, e.at);
        if (e.at > newest) newest = e.at;
      }
      for (const [id, at] of seen) if (at < newest - window) seen.delete(id);
      if (fresh.length === 0) return [];
      const order = new Map<number, number>();
      const opened = new Set<number>();
      for (const r of fresh) {
        if (!order.has(r.incident_id)) order.set(r.incident_id, order.size);
        if (r.action === 'opened') opened.add(r.incident_id);
      }
      return (await incidentViews(db, [...order.keys()], now))
        .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
        .map((incident) => ({ kind: opened.has(incident.id) ? 'opened' : 'updated', incident }));
    },
  };
}
