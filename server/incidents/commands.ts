import { isClosedStatus, type IncidentAction, type StatusBody } from '../../shared/contracts/incidents.js';
import type { IncidentRow } from '../../shared/store/incident-rows.js';
import type { Db } from '../store/open.js';
import { incidentRow } from './read.js';

/** A command that cannot apply: `status` is the HTTP status it maps to. */
export class IncidentCommandError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
  ) {
    super(message);
  }
}

export interface CommandContext {
  db: Db;
  id: number;
  actor: string;
  now: number;
}

/** Whether the command changed anything (an idempotent repeat changes nothing and records nothing). */
export interface CommandResult {
  changed: boolean;
}

function record(db: Db, id: number, at: number, actor: string, action: IncidentAction, from: string | null, to: string | null, note: string | null) {
  db.prepare(
    'INSERT INTO incident_events (incident_id, at, actor, action, from_value, to_value, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, at, actor, action, from, to, note);
}

/** Runs `fn` on the current row in one IMMEDIATE transaction: the change and its event land together. */
function command(c: CommandContext, fn: (row: IncidentRow) => boolean): CommandResult {
  const run = c.db.transaction(() => {
    const row = incidentRow(c.db, c.id);
    if (!row) throw new IncidentCommandError(404, `no incident ${c.id}`);
    const changed = fn(row);
    if (changed) c.db.prepare('UPDATE incidents SET updated_at = ? WHERE id = ?').run(c.now, c.id);
    return { changed };
  });
  return run.immediate();
}

function acknowledgeRow(c: CommandContext, row: IncidentRow): boolean {
  if (row.acknowledged_at !== null) return false;
  c.db.prepare('UPDATE incidents SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?').run(c.now, c.actor, c.id);
  record(c.db, c.id, c.now, c.actor, 'acknowledged', null, c.actor, null);
  return true;
}

/** "I have seen it." Repeating it changes nothing: the first acknowledgement is the one that counts. */
export function acknowledge(c: CommandContext): CommandResult {
  return command(c, (row) => acknowledgeRow(c, row));
}

export function assign(c: CommandContext, assignee: string): CommandResult {
  return command(c, (row) => {
    if (row.assignee === assignee) return false;
    c.db.prepare('UPDATE incidents SET assignee = ? WHERE id = ?').run(assignee, c.id);
    record(c.db, c.id, c.now, c.actor, 'assigned', row.assignee, assignee, null);
    return true;
  });
}

/**
 * Moves the incident along (核查中 / 已辟谣 / 持续关注 / 已排除). Working on an incident implies having
 * seen it, so an unacknowledged one is acknowledged by the same officer. Closing stops the response
 * clock; reopening restarts it from the original detection time.
 */
export function setStatus(c: CommandContext, body: StatusBody): CommandResult {
  return command(c, (row) => {
    const note = body.note ? body.note : null;
    if (row.status === body.status && (note === null || note === row.status_note)) return false;
    acknowledgeRow(c, row);
    const closedAt = isClosedStatus(body.status) ? (isClosedStatus(row.status) && row.closed_at !== null ? row.closed_at : c.now) : null;
    c.db.prepare('UPDATE incidents SET status = ?, status_note = ?, closed_at = ? WHERE id = ?').run(body.status, note, closedAt, c.id);
    record(c.db, c.id, c.now, c.actor, 'status', row.status, body.status, note);
    return true;
  });
}

/** Links the official clarification post; it must already be in the store (ingest it first). */
export function linkClarification(c: CommandContext, uid: string): CommandResult {
  return command(c, (row) => {
    const post = c.db.prepare('SELECT uid FROM mentions WHERE uid = ?').get(uid);
    if (!post) throw new IncidentCommandError(422, `no mention ${uid} in the store: ingest the clarification post first, then link it`);
    if (row.clarification_uid === uid) return false;
    c.db.prepare('UPDATE incidents SET clarification_uid = ? WHERE id = ?').run(uid, c.id);
    record(c.db, c.id, c.now, c.actor, 'clarification', row.clarification_uid, uid, null);
    return true;
  });
}
