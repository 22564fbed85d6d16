import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditAction, AuditEntry, AuditResult } from '../../contracts/auth.js';
import type { AccountTables } from '../account-rows.js';
import { isPostgres, type Executor } from '../store.js';

/**
 * The audit log: append-only, each row's `hash` = SHA-256(previous row's hash + this row's
 * canonical form), so an edited, inserted or removed row breaks the chain from there on
 * (`yuqing audit verify`). Rows are appended inside the caller's transaction, next to the act.
 */

export const GENESIS_HASH = '0'.repeat(64);
/** The legal minimum (MLPS 2.0: six months); the database triggers refuse deleting younger rows too. */
export const MIN_AUDIT_RETENTION_DAYS = 180;
/** Any constant: serialises appenders on PostgreSQL (READ COMMITTED would let two read the same tail). */
const AUDIT_LOCK = 0x61756474; // "audt"

export interface AuditInput {
  actor: string;
  roles: readonly string[];
  ip: string | null;
  action: AuditAction;
  object?: string | null;
  result: AuditResult;
  detail?: Record<string, unknown> | null;
}

/** What a row's hash covers: every stored column but the chain's own two. */
type StoredFields = Omit<AccountTables['audit_log'], 'prev_hash' | 'hash'>;

/** The exact bytes hashed for a row: a JSON array in a fixed order, from the stored column values. */
export function canonicalAuditRow(r: StoredFields): string {
  return JSON.stringify([Number(r.id), Number(r.at), r.actor, r.roles, r.ip, r.action, r.object, r.result, r.detail]);
}

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/** Appends one row. Run inside `store.write` (the chain needs the tail it read to stay the tail). */
export async function appendAudit(tx: Executor, e: AuditInput, now: number): Promise<number> {
  if (isPostgres(tx)) await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const tail = await tx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const fields: StoredFields = {
    id: tail ? Number(tail.id) + 1 : 1,
    at: now,
    actor: e.actor,
    roles: e.roles.join(','),
    ip: e.ip,
    action: e.action,
    object: e.object ?? null,
    result: e.result,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
  const prevHash = tail?.hash ?? GENESIS_HASH;
  await tx
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: prevHash, hash: chainHash(prevHash, canonicalAuditRow(fields)) })
    .execute();
  return fields.id;
}

export interface AuditFilter {
  from?: number;
  to?: number;
  actor?: string;
  action?: string;
  /** Rows with id below this (the previous page's last id). */
  beforeId?: number;
}

function toEntry(r: StoredFields & { hash: string }): AuditEntry {
  let detail: Record<string, unknown> | null = null;
  try {
    detail = r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null;
  } catch {
    detail = { unparsable: r.detail };
  }
  return {
    id: Number(r.id),
    time: new Date(Number(r.at)).toISOString(),
    actor: r.actor,
    roles: r.roles ? r.roles.split(',') : [],
    ip: r.ip,
    action: r.action as AuditAction,
    object: r.object,
    result: r.result as AuditResult,
    detail,
    hash: r.hash,
  };
}

/** Newest first. */
export async function queryAudit(db: Executor, f: AuditFilter, limit: number): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').select(['id', 'at', 'actor', 'roles', 'ip', 'action', 'object', 'result', 'detail', 'hash']);
  if (f.from !== undefined) q = q.where('at', '>=', f.from);
  if (f.to !== undefined) q = q.where('at', '<', f.to);
  if (f.actor !== undefined) q = q.where('actor', '=', f.actor);
  if (f.action !== undefined) q = q.where('action', '=', f.action);
  if (f.beforeId !== undefined) q = q.where('id', '<', f.beforeId);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toEntry);
}

export interface AuditVerification {
  ok: boolean;
  /** Rows checked (all of them when ok). */
  checked: number;
  /** First row whose link is broken, and why. */
  brokenAt?: { id: number; reason: string };
}

/**
 * Walks the chain oldest first. The oldest row left after retention is trusted as the anchor
 * (its prev_hash cannot be checked against a deleted row); from there every link must hold.
 */
export async function verifyAudit(db: Executor, pageSize = 1000): Promise<AuditVerification> {
  let prev: { id: number; hash: string } | undefined;
  let checked = 0;
  for (;;) {
    let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'asc').limit(pageSize);
    if (prev) q = q.where('id', '>', prev.id);
    const rows = await q.execute();
    for (const r of rows) {
      const id = Number(r.id);
      if (prev) {
        if (id !== prev.id + 1) return { ok: false, checked, brokenAt: { id, reason: `row ${prev.id + 1} is missing (next row is ${id})` } };
        if (r.prev_hash !== prev.hash) return { ok: false, checked, brokenAt: { id, reason: `prev_hash does not match row ${prev.id}'s hash` } };
      }
      if (chainHash(r.prev_hash, canonicalAuditRow(r)) !== r.hash) {
        return { ok: false, checked, brokenAt: { id, reason: 'hash does not match the row (a field was changed)' } };
      }
      checked++;
      prev = { id, hash: r.hash };
    }
    if (rows.length < pageSize) return { ok: true, checked };
  }
}

/**
 * The newest row as it stood when an application process last appended (kept outside the
 * database by the server: DATA_DIR/audit-anchor). A removed tail leaves the chain intact, so
 * only a record kept elsewhere shows it.
 */
export interface AuditAnchor {
  id: number;
  hash: string;
  /** The row's time (epoch ms). */
  at: number;
}

export async function auditTail(db: Executor): Promise<AuditAnchor | undefined> {
  const r = await db.selectFrom('audit_log').select(['id', 'hash', 'at']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r && { id: Number(r.id), hash: r.hash, at: Number(r.at) };
}

export type AnchorCheck = { ok: true; note?: string } | { ok: false; reason: string };

/**
 * Whether the stored log still holds the anchored row, unchanged. Rows after it are fine (appended
 * since); a missing or different anchored row means the newest rows were removed or replaced. A
 * row older than the minimum retention may have been pruned legitimately.
 */
export async function checkAuditAnchor(db: Executor, anchor: AuditAnchor, now: number): Promise<AnchorCheck> {
  const row = await db.selectFrom('audit_log').select(['hash']).where('id', '=', anchor.id).executeTakeFirst();
  if (row) {
    return row.hash === anchor.hash ? { ok: true } : { ok: false, reason: `row ${anchor.id} is not the row the anchor records (its hash differs): the rows from ${anchor.id} on were replaced` };
  }
  const tail = await auditTail(db);
  if (anchor.at < now - MIN_AUDIT_RETENTION_DAYS * 86_400_000 && (!tail || tail.id > anchor.id)) {
    return { ok: true, note: `the anchored row ${anchor.id} is older than ${MIN_AUDIT_RETENTION_DAYS} days and was pruned` };
  }
  if (!tail) return { ok: false, reason: `the audit log is empty, but its anchor records row ${anchor.id}: every row was removed` };
  if (tail.id < anchor.id) {
    const missing = tail.id + 1 === anchor.id ? `row ${anchor.id} is` : `rows ${tail.id + 1}–${anchor.id} are`;
    return { ok: false, reason: `${missing} missing: the log ends at row ${tail.id}, but its anchor records row ${anchor.id} (the newest rows were removed)` };
  }
  return { ok: false, reason: `row ${anchor.id}, which the anchor records, is missing` };
}

/** Retention: deletes rows older than `days` (never fewer than 180). Returns how many went. */
export async function pruneAudit(db: Executor, days: number, now: number): Promise<number> {
  const keep = Math.max(days, MIN_AUDIT_RETENTION_DAYS);
  const r = await db.deleteFrom('audit_log').where('at', '<', now - keep * 86_400_000).executeTakeFirst();
  return Number(r.numDeletedRows);
}
