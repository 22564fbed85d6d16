import type { SessionRow } from '../account-rows.js';
import type { Executor } from '../store.js';

/** Server-side sessions, keyed by the SHA-256 of the cookie value. */

export interface Session {
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

function toSession(r: SessionRow): Session {
  return {
    idHash: r.id_hash,
    userId: Number(r.user_id),
    csrfToken: r.csrf_token,
    createdAt: Number(r.created_at),
    lastSeenAt: Number(r.last_seen_at),
    expiresAt: Number(r.expires_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  };
}

export async function insertSession(
  db: Executor,
  s: { idHash: string; userId: number; csrfToken: string; now: number; expiresAt: number; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      revoked_at: null,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export async function findSession(db: Executor, idHash: string): Promise<Session | undefined> {
  const r = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  return r ? toSession(r as SessionRow) : undefined;
}

export async function findSessions(db: Executor, idHashes: readonly string[]): Promise<Session[]> {
  if (idHashes.length === 0) return [];
  const rows = await db.selectFrom('sessions').selectAll().where('id_hash', 'in', idHashes).execute();
  return rows.map((r) => toSession(r as SessionRow));
}

/** Records activity (for the idle timeout). Callers throttle it: one write per session every few seconds is plenty. */
export async function touchSession(db: Executor, idHash: string, now: number): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).where('revoked_at', 'is', null).execute();
}

export async function revokeSession(db: Executor, idHash: string, now: number): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id_hash', '=', idHash).where('revoked_at', 'is', null).execute();
}

/** Ends every session of a user, except `keep` (the one changing its own password). Returns how many ended. */
export async function revokeUserSessions(db: Executor, userId: number, now: number, keep?: string): Promise<number> {
  let q = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keep) q = q.where('id_hash', '!=', keep);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Drops sessions that ended before `before` (revoked or expired): nothing refers to them any more. */
export async function pruneSessions(db: Executor, before: number): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before), eb('last_seen_at', '<', before)]))
    .execute();
}
