import type { SessionUser } from '../../shared/contracts/auth.js';
import type { Role } from '../../shared/contracts/roles.js';
import type { Store } from '../../shared/store/store.js';
import { appendAudit, type AuditInput } from '../../shared/store/repos/audit.js';
import { readSecuritySettings } from '../../shared/store/repos/security-settings.js';
import { findSession, insertSession, revokeSession, revokeUserSessions, touchSession, type Session } from '../../shared/store/repos/sessions.js';
import {
  clearLoginFailures,
  findUserById,
  findUserByUsername,
  loginFailuresSince,
  loginLockedUntil,
  recordLoginFailure,
  replaceRecoveryCodes,
  setLoginLock,
  unusedRecoveryCodes,
  updateUser,
  useRecoveryCode,
  type User,
} from '../../shared/store/repos/users.js';
import type { AuthConfig } from './auth-config.js';
import { burnVerify, hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import { randomToken, sha256hex } from './secrets.js';
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeMatches,
  totpEnrolment,
  verifyTotp,
} from './totp.js';

/** Where a request came from, for the audit log and the session row. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export type LoginOutcome =
  | { ok: true; user: User; sessionId: string; csrfToken: string }
  | { ok: false; status: 401 | 429; error: string; totp?: true; retryAfterSeconds?: number };

export const GENERIC_LOGIN_ERROR = 'invalid username or password';
export const LOCKED_ERROR = 'too many failed sign-ins; try again later';

export class AccountError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems?: string[],
  ) {
    super(message);
  }
}

export interface AccountsOptions {
  store: Store;
  config: AuthConfig;
  now?: () => number;
  /** Called after sessions were ended (this server disconnects their sockets at once; others on their next check). */
  onSessionsEnded?: (userId: number) => void;
}

export type Accounts = ReturnType<typeof createAccounts>;

/** Sign-in, sessions, own password and second factor. Every act writes its audit row in the same transaction. */
export function createAccounts(o: AccountsOptions) {
  const now = o.now ?? Date.now;
  const { store, config } = o;
  const audit = (tx: Parameters<typeof appendAudit>[0], e: AuditInput) => appendAudit(tx, e, now());

  async function totpRequiredFor(roles: readonly Role[]): Promise<boolean> {
    const s = await readSecuritySettings(store.db);
    return roles.some((r) => s.totpRequiredRoles.includes(r));
  }

  async function sessionUser(u: User): Promise<SessionUser> {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles,
      mustChangePassword: u.mustChangePassword,
      totpEnabled: u.totpSecret !== null,
      totpRequired: await totpRequiredFor(u.roles),
    };
  }

  /** Checks a TOTP code or a recovery code; records its use. */
  async function secondFactorOk(u: User, code: string, origin: RequestOrigin): Promise<boolean> {
    if (!u.totpSecret) return true;
    if (looksLikeRecoveryCode(code)) {
      for (const c of await unusedRecoveryCodes(store.db, u.id)) {
        if (await recoveryCodeMatches(c.codeHash, code)) {
          return store.write(async (tx) => {
            const used = await useRecoveryCode(tx, c.id, now());
            if (used) await audit(tx, { actor: u.username, roles: u.roles, ip: origin.ip, action: 'auth.recovery_code_used', object: `user:${u.id}`, result: 'ok' });
            return used;
          });
        }
      }
      return false;
    }
    const step = await verifyTotp(u.totpSecret, code, u.totpLastStep, now());
    if (step === null) return false;
    await updateUser(store.db, u.id, { totpLastStep: step }, now());
    return true;
  }

  async function fail(name: string, origin: RequestOrigin, reason: string, user?: User): Promise<LoginOutcome> {
    const t = now();
    const locked = await store.write(async (tx) => {
      await recordLoginFailure(tx, name, t);
      await audit(tx, { actor: name, roles: user?.roles ?? [], ip: origin.ip, action: 'auth.login_failed', object: user ? `user:${user.id}` : null, result: 'failed', detail: { reason } });
      const n = await loginFailuresSince(tx, name, t - config.failureWindowMs);
      if (n < config.maxFailures) return false;
      await setLoginLock(tx, name, t + config.lockMs);
      await audit(tx, { actor: name, roles: user?.roles ?? [], ip: origin.ip, action: 'auth.locked', object: user ? `user:${user.id}` : null, result: 'denied', detail: { failures: n, minutes: config.lockMs / 60_000 } });
      return true;
    });
    if (locked) return { ok: false, status: 429, error: LOCKED_ERROR, retryAfterSeconds: Math.ceil(config.lockMs / 1000) };
    return { ok: false, status: 401, error: GENERIC_LOGIN_ERROR };
  }

  return {
    sessionUser,
    totpRequiredFor,

    async login(username: string, password: string, totp: string | undefined, origin: RequestOrigin): Promise<LoginOutcome> {
      const name = username.trim().toLowerCase().slice(0, 64);
      const lockedUntil = await loginLockedUntil(store.db, name);
      if (lockedUntil !== null && lockedUntil > now()) {
        // Same answer whether or not the name exists; no password is checked while locked. The
        // attempt is on record (a guessing run goes on during the lock), without extending it.
        await store.write((tx) => audit(tx, { actor: name, roles: [], ip: origin.ip, action: 'auth.login_failed', object: null, result: 'denied', detail: { reason: 'locked' } }));
        return { ok: false, status: 429, error: LOCKED_ERROR, retryAfterSeconds: Math.ceil((lockedUntil - now()) / 1000) };
      }
      const user = await findUserByUsername(store.db, name);
      if (!user) {
        await burnVerify(password);
        return fail(name, origin, 'unknown user');
      }
      if (!(await verifyPassword(user.passwordHash, password))) return fail(name, origin, 'wrong password', user);
      if (user.disabled) return fail(name, origin, 'disabled', user);
      if (user.totpSecret) {
        if (!totp) return { ok: false, status: 401, error: 'second factor required', totp: true };
        if (!(await secondFactorOk(user, totp, origin))) {
          const r = await fail(name, origin, 'wrong second factor', user);
          return r.ok || r.status === 429 ? r : { ok: false, status: 401, error: 'invalid second factor', totp: true };
        }
      }
      const sessionId = randomToken(32);
      const csrfToken = randomToken(24);
      const t = now();
      await store.write(async (tx) => {
        await clearLoginFailures(tx, name);
        await insertSession(tx, { idHash: sha256hex(sessionId), userId: user.id, csrfToken, now: t, expiresAt: t + config.maxAgeMs, ip: origin.ip, userAgent: origin.userAgent?.slice(0, 256) ?? null });
        await updateUser(tx, user.id, { lastLoginAt: t }, t);
        await audit(tx, { actor: user.username, roles: user.roles, ip: origin.ip, action: 'auth.login', object: `user:${user.id}`, result: 'ok', detail: { secondFactor: user.totpSecret !== null } });
      });
      return { ok: true, user, sessionId, csrfToken };
    },

    /**
     * The live session for a cookie value, or why there is none. Activity is recorded at most every
     * few seconds (a dashboard makes many requests), which is far finer than the idle timeout.
     */
    async resolveSession(sessionId: string): Promise<{ ok: true; user: User; session: Session } | { ok: false; reason: string }> {
      const idHash = sha256hex(sessionId);
      const s = await findSession(store.db, idHash);
      const t = now();
      if (!s) return { ok: false, reason: 'not signed in' };
      if (s.revokedAt !== null) return { ok: false, reason: 'session ended' };
      if (t >= s.expiresAt) return { ok: false, reason: 'session expired' };
      if (t - s.lastSeenAt >= config.idleMs) return { ok: false, reason: 'session timed out after inactivity' };
      const user = await findUserById(store.db, s.userId);
      if (!user || user.disabled) return { ok: false, reason: 'session ended' };
      if (t - s.lastSeenAt >= Math.min(5000, config.idleMs / 20)) await touchSession(store.db, idHash, t);
      return { ok: true, user, session: { ...s, lastSeenAt: t } };
    },

    /** Whether a session is still good, without counting as activity (the socket checks). */
    sessionAlive(s: Session, user: User | undefined): boolean {
      const t = now();
      return !!user && !user.disabled && s.revokedAt === null && t < s.expiresAt && t - s.lastSeenAt < config.idleMs;
    },

    async logout(user: User, sessionId: string, origin: RequestOrigin): Promise<void> {
      await store.write(async (tx) => {
        await revokeSession(tx, sha256hex(sessionId), now());
        await audit(tx, { actor: user.username, roles: user.roles, ip: origin.ip, action: 'auth.logout', object: `user:${user.id}`, result: 'ok' });
      });
      o.onSessionsEnded?.(user.id);
    },

    async logoutAll(user: User, origin: RequestOrigin): Promise<void> {
      await store.write(async (tx) => {
        const n = await revokeUserSessions(tx, user.id, now());
        await audit(tx, { actor: user.username, roles: user.roles, ip: origin.ip, action: 'auth.logout_all', object: `user:${user.id}`, result: 'ok', detail: { sessions: n } });
      });
      o.onSessionsEnded?.(user.id);
    },

    /** Own password change: the current session stays, every other one ends. */
    async changePassword(user: User, sessionId: string, current: string, next: string, origin: RequestOrigin): Promise<void> {
      if (!(await verifyPassword(user.passwordHash, current))) {
        await store.write((tx) => audit(tx, { actor: user.username, roles: user.roles, ip: origin.ip, action: 'auth.password_changed', object: `user:${user.id}`, result: 'failed', detail: { reason: 'current password wrong' } }));
        throw new AccountError(401, 'current password is wrong');
      }
      const problems = passwordProblems(next, config.policy, user.username);
      if (next === current) problems.push('must differ from the current password');
      if (problems.length) throw new AccountError(400, `the new password does not meet the policy: ${problems.join('; ')}`, problems);
      const passwordHash = await hashPassword(next);
      await store.write(async (tx) => {
        await updateUser(tx, user.id, { passwordHash, mustChangePassword: false }, now());
        const n = await revokeUserSessions(tx, user.id, now(), sha256hex(sessionId));
        await audit(tx, { actor: user.username, roles: user.roles, ip: origin.ip, action: 'auth.password_changed', object: `user:${user.id}`, result: 'ok', detail: { otherSessionsEnded: n } });
      });
      o.onSessionsEnded?.(user.id);
    },

    async totpSetup(user: User) {
      const secret = newTotpSecret();
      await updateUser(store.db, user.id, { totpPendingSecret: secret }, now());
      return totpEnrolment(secret, user.username);
    },

    async totpEnable(user: User, code: string, origin: RequestOrigin): Promise<string[]> {
      const fresh = await findUserById(store.db, user.id);
      const secret = fresh?.totpPendingSecret;
      if (!secret) throw new AccountError(400, 'no enrolment in progress: GET /auth/totp/setup first');
      const step = await verifyTotp(secret, code, null, now());
      if (step === null) throw new AccountError(400, 'invalid code');
      const codes = newRecoveryCodes();
      const hashes = await Promise.all(codes.map(hashRecoveryCode));
      await store.write(async (tx) => {
        await updateUser(tx, user.id, { totpSecret: secret, totpPendingSecret: null, totpLastStep: step }, now());
        await replaceRecoveryCodes(tx, user.id, hashes);
        await audit(tx, { actor: user.username, roles: user.roles, ip: origin.ip, action: 'auth.totp_enabled', object: `user:${user.id}`, result: 'ok' });
      });
      return codes;
    },

    async totpDisable(user: User, password: string, origin: RequestOrigin): Promise<void> {
      if (await totpRequiredFor(user.roles)) throw new AccountError(403, 'a second factor is mandatory for your role');
      if (!(await verifyPassword(user.passwordHash, password))) throw new AccountError(401, 'password is wrong');
      await store.write(async (tx) => {
        await updateUser(tx, user.id, { totpSecret: null, totpPendingSecret: null, totpLastStep: null }, now());
        await replaceRecoveryCodes(tx, user.id, []);
        await audit(tx, { actor: user.username, roles: user.roles, ip: origin.ip, action: 'auth.totp_disabled', object: `user:${user.id}`, result: 'ok' });
      });
    },
  };
}
