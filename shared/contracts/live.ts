import type { AlertView } from './alerts.js';
import type { IncidentLiveEvent, IncidentView } from './incidents.js';
import type { KeyCount, LiveTotals, MentionView, SeriesPoint, StoryView } from './views.js';

/** Minutes of history the live view keeps. */
export const LIVE_WINDOW_MINUTES = 60;
export const LIVE_CRITICAL_FEED_SIZE = 30;
export const LIVE_ROOM = 'live';

/** Sent on connect and on every `resync`: the whole live state. */
export interface LiveSnapshot {
  seq: number;
  now: number;
  series: SeriesPoint[];
  topics: KeyCount[];
  totals: LiveTotals;
  critical: MentionView[];
  rumours: StoryView[];
  /**
   * Incidents not yet clarified or dismissed, most urgent first (at most LIVE_INCIDENTS_MAX).
   * Changes arrive as `incident` events, not in deltas. Optional so older servers stay compatible.
   */
  incidents?: IncidentView[];
}

/**
 * Sent once a second, even when nothing changed (so the window rolls). Counts are increments to add
 * to the point with the same `t` (new minutes are appended; the client drops points older than the
 * window), to topics and to totals (they can be negative as old minutes leave the window);
 * `critical` are new or changed items (newest first; a changed one replaces the item with the same
 * uid, e.g. after an analyst's correction) and `criticalGone` the uids that left the feed (corrected
 * to not critical, or pushed out); `rumours` replace stories with the same id.
 * `seq` is the snapshot's seq + 1, + 2, …: a client that sees a gap asks for `resync`.
 * The server derives each delta by diffing the store's state with what it last sent, so a snapshot
 * plus the deltas after it always equals the store.
 */
export interface LiveDelta {
  seq: number;
  now: number;
  series: SeriesPoint[];
  topics: KeyCount[];
  totals: LiveTotals;
  critical: MentionView[];
  criticalGone: string[];
  rumours: StoryView[];
}

/** What a worker publishes after committing one batch (only mentions newly stored count). */
export interface BatchDelta {
  series: SeriesPoint[];
  topics: KeyCount[];
  totals: LiveTotals;
  critical: MentionView[];
  rumours: StoryView[];
}

export interface ServerToClientEvents {
  snapshot: (s: LiveSnapshot) => void;
  delta: (d: LiveDelta) => void;
  /**
   * An incident opened or changed (by a worker or an officer), within about a second. Not
   * sequenced: it replaces the incident with the same id, so a lost one is repaired by the next
   * snapshot and a repeated one is harmless.
   */
  incident: (e: IncidentLiveEvent) => void;
  /**
   * An alert opened or acknowledged (any server's evaluator; the Socket.IO Redis adapter carries it
   * to every server's sockets). Replaces the alert with the same id; older clients simply do not
   * listen for it.
   */
  alert: (a: AlertView) => void;
  /** A socket message the server could not accept, with the reason. */
  problem: (p: { error: string }) => void;
}

/**
 * Between servers only (Socket.IO's `serverSideEmit`, carried by the Redis adapter to every other
 * server of the deployment); never sent to a client.
 */
export interface InterServerEvents {
  /** Sessions ended on the sending server (sign-out, revocation, role change): re-check your sockets now. */
  sessionsEnded: () => void;
}

export interface ClientToServerEvents {
  /** Ask for a fresh snapshot (after a sequence gap). */
  resync: () => void;
}
