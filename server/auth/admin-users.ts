import type { SecuritySettings, UserCreateBody, UserPatchBody, UserView } from '../../shared/contracts/auth.js';
import type { Store } from '../../shared/store/store.js';
import { appendAudit, type AuditInput } from '../../shared/store/repos/audit.js';
import { readSecuritySettings, saveSecuritySettings } from '../../shared/store/repos/security-settings.js';
import { revokeUserSessions } from '../../shared/store/repos/sessions.js';
import {
  activeLocks,
  clearLoginFailures,
  countEnabledWithRole,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  replaceRecoveryCodes,
  updateUser,
  type User,
} from '../../shared/store/repos/users.js';
import { AccountError } from './accounts.js';
import { generatePassword, hashPassword } from './passwords.js';

/** Who is administering (a signed-in admin, or an operator at the CLI). */
export interface AdminActor {
  actor: string;
  roles: readonly string[];
  ip: string | null;
}

export function userView(u: User, lockedUntil: number | undefined): UserView {
  const iso = (t: number | null | undefined) => (t ? new Date(t).toISOString() : null);
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpSecret !== null,
    createdAt: new Date(u.createdAt).toISOString(),
    lastLoginAt: iso(u.lastLoginAt),
    lockedUntil: iso(lockedUntil),
  };
}

export type AdminUsers = ReturnType<typeof createAdminUsers>;

/** User administration, shared by the admin API and `yuqing user …`. Each change is audited in its transaction. */
export function createAdminUsers(o: { store: Store; now?: () => number; onSessionsEnded?: (userId: number) => void }) {
  const now = o.now ?? Date.now;
  const { store } = o;
  const entry = (a: AdminActor, e: Omit<AuditInput, 'actor' | 'roles' | 'ip'>): AuditInput => ({ actor: a.actor, roles: a.roles, ip: a.ip, ...e });

  async function view(u: User): Promise<UserView> {
    return userView(u, (await activeLocks(store.db, now())).get(u.username));
  }

  async function mustFind(id: number): Promise<User> {
    const u = await findUserById(store.db, id);
    if (!u) throw new AccountError(404, `no user ${id}`);
    return u;
  }

  return {
    async list(): Promise<UserView[]> {
      const locks = await activeLocks(store.db, now());
      return (await listUsers(store.db)).map((u) => userView(u, locks.get(u.username)));
    },

    async findByUsername(username: string): Promise<User | undefined> {
      return findUserByUsername(store.db, username);
    },

    /** Creates a user with a one-time password they must change at first sign-in. */
    async create(a: AdminActor, body: UserCreateBody): Promise<{ user: UserView; oneTimePassword: string }> {
      if (await findUserByUsername(store.db, body.username)) throw new AccountError(409, `username "${body.username}" is taken`);
      const oneTimePassword = generatePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      const roles = [...new Set(body.roles)];
      const id = await store.write(async (tx) => {
        const id = await insertUser(tx, { username: body.username, displayName: body.displayName, passwordHash, roles, mustChangePassword: true }, now());
        await appendAudit(tx, entry(a, { action: 'user.created', object: `user:${id}`, result: 'ok', detail: { username: body.username, roles } }), now());
        return id;
      });
      return { user: await view(await mustFind(id)), oneTimePassword };
    },

    async patch(a: AdminActor, id: number, body: UserPatchBody): Promise<UserView> {
      const before = await mustFind(id);
      const roles = body.roles ? [...new Set(body.roles)] : undefined;
      const losesAdmin = before.roles.includes('admin') && !before.disabled && (body.disabled === true || (roles !== undefined && !roles.includes('admin')));
      if (losesAdmin && (await countEnabledWithRole(store.db, 'admin')) <= 1) throw new AccountError(409, 'this would leave no enabled administrator');
      const endSessions = body.disabled === true || (roles !== undefined && roles.join(',') !== before.roles.join(','));
      await store.write(async (tx) => {
        await updateUser(tx, id, { ...(roles && { roles }), ...(body.disabled !== undefined && { disabled: body.disabled }), ...(body.displayName !== undefined && { displayName: body.displayName }) }, now());
        if (endSessions) await revokeUserSessions(tx, id, now());
        const detail = {
          ...(roles && { roles: { from: before.roles, to: roles } }),
          ...(body.disabled !== undefined && { disabled: body.disabled }),
          ...(body.displayName !== undefined && { displayName: body.displayName }),
        };
        await appendAudit(tx, entry(a, { action: 'user.updated', object: `user:${id}`, result: 'ok', detail }), now());
      });
      if (endSessions) o.onSessionsEnded?.(id);
      return view(await mustFind(id));
    },

    async resetPassword(a: AdminActor, id: number, resetTotp = false): Promise<string> {
      const u = await mustFind(id);
      const oneTimePassword = generatePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      await store.write(async (tx) => {
        await updateUser(tx, id, { passwordHash, mustChangePassword: true, ...(resetTotp && { totpSecret: null, totpPendingSecret: null, totpLastStep: null }) }, now());
        if (resetTotp) await replaceRecoveryCodes(tx, id, []);
        await revokeUserSessions(tx, id, now());
        await clearLoginFailures(tx, u.username);
        await appendAudit(tx, entry(a, { action: 'user.password_reset', object: `user:${id}`, result: 'ok', detail: { resetTotp } }), now());
      });
      o.onSessionsEnded?.(id);
      return oneTimePassword;
    },

    readSecurity: (): Promise<SecuritySettings> => readSecuritySettings(store.db),

    async saveSecurity(a: AdminActor, s: SecuritySettings): Promise<SecuritySettings> {
      const before = await readSecuritySettings(store.db);
      const next = { totpRequiredRoles: [...new Set(s.totpRequiredRoles)] };
      await store.write(async (tx) => {
        await saveSecuritySettings(tx, next, a.actor, now());
        await appendAudit(tx, entry(a, { action: 'settings.updated', object: 'settings:security', result: 'ok', detail: { from: before, to: next } }), now());
      });
      return next;
    },
  };
}
