import type { ExpressionBuilder } from 'kysely';
import type { AlertTables } from '../alert-schema.js';
import type { Database } from '../schema.js';
import type { Executor } from '../store.js';
import { logDelivery, type AlertDeliveryRow } from './alerts.js';

/**
 * Durable deliveries (alert_outbox, migration 31). Rows are written in the transaction that opens
 * or escalates their alert, claimed by one server at a time with a lease, and finished or moved on
 * to their next attempt together with the attempt's alert_deliveries row.
 */

export type OutboxRow = Omit<AlertTables['alert_outbox'], 'id'> & { id: number };
export type NewOutboxRow = Pick<OutboxRow, 'alert_id' | 'contact_point_id' | 'reason' | 'message' | 'rule_quiet' | 'next_at' | 'created_at'>;

export async function enqueueDeliveries(tx: Executor, rows: readonly NewOutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('alert_outbox')
    .values(rows.map((r) => ({ ...r, attempts: 0, lease_owner: null, lease_until: null, done_at: null })))
    .execute();
}

const claimable = (now: number) => (eb: ExpressionBuilder<Database, 'alert_outbox'>) =>
  eb.and([eb('done_at', 'is', null), eb('next_at', '<=', now), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])]);

/** Whether any row is due (a plain read through alert_outbox_due, so an idle poll takes no write lock). */
export async function hasDueDeliveries(db: Executor, now: number): Promise<boolean> {
  return (await db.selectFrom('alert_outbox').select('id').where(claimable(now)).limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Leases up to `limit` due rows to `owner` until now + leaseMs. The condition is repeated on the
 * UPDATE itself: on PostgreSQL a row another server leased meanwhile is re-checked after its lock
 * is released and then no longer qualifies, so each row goes to one server.
 */
export async function claimDeliveries(tx: Executor, owner: string, now: number, leaseMs: number, limit: number): Promise<OutboxRow[]> {
  const rows = await tx
    .updateTable('alert_outbox')
    .set({ lease_owner: owner, lease_until: now + leaseMs })
    .where('id', 'in', tx.selectFrom('alert_outbox').select('id').where(claimable(now)).orderBy('next_at').orderBy('id').limit(limit))
    .where(claimable(now))
    .returningAll()
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), alert_id: Number(r.alert_id), contact_point_id: Number(r.contact_point_id), next_at: Number(r.next_at) }));
}

/**
 * Records one attempt and its consequence, if `owner` still holds the lease (else nothing: the
 * lease ran out and another server has the row). `nextAt` null finishes the row.
 */
export async function recordAttempt(
  tx: Executor,
  row: Pick<OutboxRow, 'id' | 'attempts'>,
  owner: string,
  attempt: Omit<AlertDeliveryRow, 'id'>,
  nextAt: number | null,
): Promise<boolean> {
  const r = await tx
    .updateTable('alert_outbox')
    .set({
      attempts: row.attempts + (attempt.status === 'suppressed' ? 0 : 1),
      lease_owner: null,
      lease_until: null,
      ...(nextAt === null ? { done_at: attempt.at } : { next_at: nextAt }),
    })
    .where('id', '=', row.id)
    .where('lease_owner', '=', owner)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await logDelivery(tx, attempt);
  return true;
}

/** Rows still to deliver (tests and /healthz-style checks). */
export async function pendingDeliveries(db: Executor): Promise<OutboxRow[]> {
  return db.selectFrom('alert_outbox').selectAll().where('done_at', 'is', null).orderBy('id').execute() as Promise<OutboxRow[]>;
}

/** Forgets finished rows older than `before` (their attempts stay in alert_deliveries). */
export async function pruneDeliveries(tx: Executor, before: number): Promise<void> {
  await tx.deleteFrom('alert_outbox').where('done_at', '<', before).execute();
}
