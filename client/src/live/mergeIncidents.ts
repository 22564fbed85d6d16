import { isClosedStatus, LIVE_INCIDENTS_MAX, type IncidentLiveEvent, type IncidentView } from '../../../shared/contracts/incidents.js';
import { byUrgency, responseClock } from '../../../shared/incidents/clock.js';

/** The incident's clock as of `now` (the server's copy is as of when it answered). */
export function withClock(i: IncidentView, now: number): IncidentView {
  return { ...i, clock: responseClock(Date.parse(i.openedAt), now, i.closedAt === null ? null : Date.parse(i.closedAt)) };
}

/**
 * Applies one pushed incident to the open list: replaces the one with the same id (an older copy
 * never replaces a newer one), drops it once closed, keeps the most urgent first.
 */
export function mergeIncident(open: IncidentView[], e: IncidentLiveEvent, now: number): IncidentView[] {
  const current = open.find((i) => i.id === e.incident.id);
  if (current && current.updatedAt > e.incident.updatedAt) return open;
  const rest = open.filter((i) => i.id !== e.incident.id);
  const next = isClosedStatus(e.incident.status) ? rest : [...rest, e.incident];
  return next
    .map((i) => withClock(i, now))
    .sort(byUrgency)
    .slice(0, LIVE_INCIDENTS_MAX);
}

/** Open incidents nobody has acknowledged yet: what the /live alert lists. */
export function needingAcknowledgement(open: IncidentView[]): IncidentView[] {
  return open.filter((i) => i.status === 'open' && i.acknowledgedAt === null);
}
