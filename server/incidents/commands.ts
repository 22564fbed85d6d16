import { isClosedStatus, type IncidentAction, type StatusBody } from '../../shared/contracts/incidents.js';
import type { IncidentRow } from '../../shared/store/incident-rows.js';
import { incidentById, recordIncidentEvent, updateIncident, type IncidentChange } from '../../shared/store/repos/incidents.js';
import { mentionExists } from '../../shared/store/repos/mentions.js';
import type { Executor, Store } from '../../shared/store/store.js';

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
  store: Store;
  id: number;
  actor: string;
  now: number;
}

/** Whether the command changed anything (an idempotent repeat changes nothing and records nothing). */
export interface CommandResult {
  changed: boolean;
}

/** One command's view of its transaction: change the row, record what was done. */
interface Step {
  tx: Executor;
  row: IncidentRow;
  c: CommandContext;
  change(set: IncidentChange): Promise<void>;
  record(action: IncidentAction, from: string | null, to: string | null, note?: string | null): Promise<void>;
}

/** Runs `fn` on the current row in one transaction: the change and its event land together. */
async function command(c: CommandContext, fn: (s: Step) => Promise<boolean>): Promise<CommandResult> {
  return c.store.write(async (tx) => {
    const row = await incidentById(tx, c.id);
    if (!row) throw new IncidentCommandError(404, `no incident ${c.id}`);
    const step: Step = {
      tx,
      row,
      c,
      change: (set) => updateIncident(tx, c.id, set),
      record: (action, from, to, note = null) =>
        recordIncidentEvent(tx, { incident_id: c.id, at: c.now, actor: c.actor, action, from_value: from, to_value: to, note }),
    };
    const changed = await fn(step);
    if (changed) await updateIncident(tx, c.id, { updated_at: c.now });
    return { changed };
  });
}

async function acknowledgeRow(s: Step): Promise<boolean> {
  if (s.row.acknowledged_at !== null) return false;
  await s.change({ acknowledged_at: s.c.now, acknowledged_by: s.c.actor });
  await s.record('acknowledged', null, s.c.actor);
  return true;
}

/** "I have seen it." Repeating it changes nothing: the first acknowledgement is the one that counts. */
export function acknowledge(c: CommandContext): Promise<CommandResult> {
  return command(c, acknowledgeRow);
}

export function assign(c: CommandContext, assignee: string): Promise<CommandResult> {
  return command(c, async (s) => {
    if (s.row.assignee === assignee) return false;
    await s.change({ assignee });
    await s.record('assigned', s.row.assignee, assignee);
    return true;
  });
}

/**
 * Moves the incident along (核查中 / 已辟谣 / 持续关注 / 已排除). Working on an incident implies having
 * seen it, so an unacknowledged one is acknowledged by the same officer. Closing stops the response
 * clock; reopening restarts it from the original detection time.
 */
export function setStatus(c: CommandContext, body: StatusBody): Promise<CommandResult> {
  return command(c, async (s) => {
    const { row } = s;
    const note = body.note ? body.note : null;
    if (row.status === body.status && (note === null || note === row.status_note)) return false;
    await acknowledgeRow(s);
    const closedAt = isClosedStatus(body.status) ? (isClosedStatus(row.status) && row.closed_at !== null ? row.closed_at : c.now) : null;
    await s.change({ status: body.status, status_note: note, closed_at: closedAt });
    await s.record('status', row.status, body.status, note);
    return true;
  });
}

/** Links the official clarification post; it must already be in the store (ingest it first). */
export function linkClarification(c: CommandContext, uid: string): Promise<CommandResult> {
  return command(c, async (s) => {
    if (!(await mentionExists(s.tx, uid))) {
      throw new IncidentCommandError(422, `no mention ${uid} in the store: ingest the clarification post first, then link it`);
    }
    if (s.row.clarification_uid === uid) return false;
    await s.change({ clarification_uid: uid });
    await s.record('clarification', s.row.clarification_uid, uid);
    return true;
  });
}
