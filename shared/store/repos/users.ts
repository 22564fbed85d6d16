import { ROLES, type Role } from '../../contracts/roles.js';
import type { UserRow } from '../account-rows.js';
import type { Executor } from '../store.js';

/** Accounts (users), their recovery codes, and the failed-sign-in counters behind the lock-out. */

export interface User {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  disabled: boolean;
  mustChangePassword: boolean;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpLastStep: number | null;
  createdAt: number;
  updatedAt: number;
  lastLoginAt: number | null;
}

export function parseRoles(s: string): Role[] {
  // A role name the code no longer knows grants nothing (rather than failing the sign-in).
  return s
    .split(',')
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

function toUser(r: UserRow): User {
  return {
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    roles: parseRoles(r.roles),
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    totpSecret: r.totp_secret,
    totpPendingSecret: r.totp_pending_secret,
    totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    lastLoginAt: r.last_login_at === null ? null : Number(r.last_login_at),
  };
}

export async function countUsers(db: Executor): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: readonly Role[];
  mustChangePassword: boolean;
}

export async function insertUser(db: Executor, u: NewUser, now: number): Promise<number> {
  const r = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      roles: u.roles.join(','),
      disabled: 0,
      must_change_password: u.mustChangePassword ? 1 : 0,
      totp_secret: null,
      totp_pending_secret: null,
      totp_last_step: null,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function findUserByUsername(db: Executor, username: string): Promise<User | undefined> {
  const r = await db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
  return r ? toUser(r as UserRow) : undefined;
}

export async function findUserById(db: Executor, id: number): Promise<User | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toUser(r as UserRow) : undefined;
}

export async function listUsers(db: Executor): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map((r) => toUser(r as UserRow));
}

export interface UserPatch {
  displayName?: string;
  roles?: readonly Role[];
  disabled?: boolean;
  passwordHash?: string;
  mustChangePassword?: boolean;
  totpSecret?: string | null;
  totpPendingSecret?: string | null;
  totpLastStep?: number | null;
  lastLoginAt?: number;
}

export async function updateUser(db: Executor, id: number, p: UserPatch, now: number): Promise<void> {
  await db
    .updateTable('users')
    .set({
      updated_at: now,
      ...(p.displayName !== undefined && { display_name: p.displayName }),
      ...(p.roles !== undefined && { roles: p.roles.join(',') }),
      ...(p.disabled !== undefined && { disabled: p.disabled ? 1 : 0 }),
      ...(p.passwordHash !== undefined && { password_hash: p.passwordHash }),
      ...(p.mustChangePassword !== undefined && { must_change_password: p.mustChangePassword ? 1 : 0 }),
      ...(p.totpSecret !== undefined && { totp_secret: p.totpSecret }),
      ...(p.totpPendingSecret !== undefined && { totp_pending_secret: p.totpPendingSecret }),
      ...(p.totpLastStep !== undefined && { totp_last_step: p.totpLastStep }),
      ...(p.lastLoginAt !== undefined && { last_login_at: p.lastLoginAt }),
    })
    .where('id', '=', id)
    .execute();
}

/** Enabled users holding `role` (the last enabled admin may not be disabled or demoted). */
export async function countEnabledWithRole(db: Executor, role: Role): Promise<number> {
  const users = await db.selectFrom('users').select('roles').where('disabled', '=', 0).execute();
  return users.filter((u) => parseRoles(u.roles).includes(role)).length;
}

// ---- recovery codes ----

export async function replaceRecoveryCodes(db: Executor, userId: number, hashes: readonly string[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length) await db.insertInto('recovery_codes').values(hashes.map((h) => ({ user_id: userId, code_hash: h, used_at: null }))).execute();
}

export async function unusedRecoveryCodes(db: Executor, userId: number): Promise<{ id: number; codeHash: string }[]> {
  const rows = await db.selectFrom('recovery_codes').select(['id', 'code_hash']).where('user_id', '=', userId).where('used_at', 'is', null).execute();
  return rows.map((r) => ({ id: Number(r.id), codeHash: r.code_hash }));
}

/** Marks a code used; false when another request used it first. */
export async function useRecoveryCode(db: Executor, id: number, now: number): Promise<boolean> {
  const r = await db.updateTable('recovery_codes').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- failed sign-ins and lock-out (keyed by the lower-cased name given, whether or not it exists) ----

export async function recordLoginFailure(db: Executor, username: string, now: number): Promise<void> {
  await db.insertInto('login_failures').values({ username: username.toLowerCase(), at: now }).execute();
}

export async function loginFailuresSince(db: Executor, username: string, since: number): Promise<number> {
  const r = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('username', '=', username.toLowerCase())
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function clearLoginFailures(db: Executor, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username', '=', username.toLowerCase()).execute();
  await db.deleteFrom('login_locks').where('username', '=', username.toLowerCase()).execute();
}

export async function setLoginLock(db: Executor, username: string, until: number): Promise<void> {
  await db
    .insertInto('login_locks')
    .values({ username: username.toLowerCase(), locked_until: until })
    .onConflict((oc) => oc.column('username').doUpdateSet({ locked_until: until }))
    .execute();
}

export async function loginLockedUntil(db: Executor, username: string): Promise<number | null> {
  const r = await db.selectFrom('login_locks').select('locked_until').where('username', '=', username.toLowerCase()).executeTakeFirst();
  return r ? Number(r.locked_until) : null;
}

/** Locks still in force, by name (for the admin's user list). */
export async function activeLocks(db: Executor, now: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('login_locks').selectAll().where('locked_until', '>', now).execute();
  return new Map(rows.map((r) => [r.username, Number(r.locked_until)]));
}

/** Forgets failures older than `before` (they no longer count towards a lock-out). */
export async function pruneLoginFailures(db: Executor, before: number): Promise<void> {
  await db.deleteFrom('login_failures').where('at', '<', before).execute();
  await db.deleteFrom('login_locks').where('locked_until', '<', before).execute();
}
