import { z } from 'zod';
import { ROLES, TOKEN_SCOPES, type Role, type TokenScope } from './roles.js';

/**
 * The accounts API (all under /api/v1). Who may call what is in ./roles.ts (ROUTES).
 *
 * ## Session
 * POST /auth/login sets the session cookie `yuqing_session` (HttpOnly, SameSite=Strict, Path=/,
 * Secure when the request came over HTTPS, or X-Forwarded-Proto: https with YUQING_TRUST_PROXY set).
 * The browser sends it by itself: use `fetch(url, { credentials: 'same-origin' })` (the default).
 * The session ends after YUQING_SESSION_IDLE_MINUTES (default 30) without a request, or
 * YUQING_SESSION_MAX_HOURS (default 12) after sign-in, at logout, logout-all, a password change
 * (other sessions), a password reset, a role change or disabling the user. An ended session
 * answers 401 `{ error }` on any API call and its sockets are disconnected (reason "session ended").
 *
 * ## CSRF (session-bound token)
 * Every cookie-authenticated request whose method is POST, PUT, PATCH or DELETE must carry the
 * header `X-CSRF-Token: <csrfToken>`, where csrfToken is the value of the last login or /auth/me
 * answer (it belongs to the session and stays the same for its lifetime). Missing or wrong → 403
 * `{ error: 'missing or invalid CSRF token' }`. Requests with `Authorization: Bearer <api token>`
 * carry no cookie and need no CSRF token. POST /auth/login needs none (there is no session yet)
 * but must be `Content-Type: application/json`.
 *
 * ## Gates after sign-in
 * - mustChangePassword: every API call except /auth/* answers 403
 *   `{ error: 'password change required' }` until POST /auth/password succeeds.
 * - totpRequired && !totpEnabled (an admin made TOTP mandatory for one of the user's roles): every
 *   API call except /auth/* answers 403 `{ error: 'totp enrolment required' }` until enrolled.
 * - The socket refuses both states as well.
 *
 * ## Errors
 * Always `{ error: string }` (ApiError), with these statuses: 400 invalid body (for a password that
 * fails the policy also `problems: string[]`), 401 not signed in / wrong credentials, 403 not
 * allowed (role) / CSRF / gates above, 404, 409 conflict (username taken, last admin), 429 locked
 * out or rate-limited (with a Retry-After header in seconds).
 */

export const SESSION_COOKIE = 'yuqing_session';
export const CSRF_HEADER = 'X-CSRF-Token';

export const roleSchema = z.enum(ROLES);
export const tokenScopeSchema = z.enum(TOKEN_SCOPES);

// 3–32 characters, lower-case letters, digits, `.`, `_`, `-` (stored lower-case; sign-in is case-insensitive).
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'username: 3–32 characters, letters, digits, ".", "_" or "-", starting with a letter or digit');
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((s) => !CONTROL.test(s), 'must not contain control characters');
/** Any password-shaped string; the policy (length, classes) is checked by the server, which answers `problems`. */
const passwordField = z.string().min(1).max(256);

/** The signed-in user as the client sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
  totpEnabled: boolean;
  /** TOTP is mandatory for one of the user's roles (settings); if !totpEnabled the user must enrol first. */
  totpRequired: boolean;
}

// POST /auth/login — body; `totp` is a 6-digit code or one recovery code (xxxxx-xxxxx).
export const loginBodySchema = z.object({
  // No control characters: no username holds one, and PostgreSQL text cannot hold U+0000.
  username: z.string().trim().min(1).max(64).refine((s) => !CONTROL.test(s), 'must not contain control characters'),
  password: passwordField,
  totp: z.string().trim().max(32).optional(),
});
export type LoginBody = z.infer<typeof loginBodySchema>;
/**
 * 200 → LoginResponse (and the cookie). 401 `{ error: 'invalid username or password' }` for an
 * unknown user, a wrong password or a disabled account (never says which). 401
 * `{ error: 'second factor required', totp: true }` when the password was right but the user has
 * TOTP and sent no code; `{ error: 'invalid second factor', totp: true }` for a wrong code.
 * 429 `{ error: 'too many failed sign-ins; try again later' }` + Retry-After while the username is
 * locked out (also for names that do not exist, so it reveals nothing).
 */
export interface LoginResponse {
  user: SessionUser;
  csrfToken: string;
}
export interface LoginError {
  error: string;
  /** Present when the password was right and a TOTP code (or recovery code) is needed. */
  totp?: true;
}

// GET /auth/me → MeResponse, or 401 when not signed in (the client then shows /login).
export interface MeResponse {
  user: SessionUser;
  csrfToken: string;
  /** Epoch ms: when the session ends without further activity, and at the latest. */
  idleExpiresAt: number;
  expiresAt: number;
}

// POST /auth/logout → 204 (clears the cookie). POST /auth/logout-all → 204: every session of the user ends.

// POST /auth/password → MeResponse (the current session stays, all others end; mustChangePassword becomes false).
// 400 with `problems` when `next` fails the policy; 401 `{ error: 'current password is wrong' }`.
export const passwordChangeBodySchema = z.object({ current: passwordField, next: passwordField });
export type PasswordChangeBody = z.infer<typeof passwordChangeBodySchema>;
export interface PasswordPolicyError {
  error: string;
  problems: string[];
}

// GET /auth/totp/setup → a new pending secret (replaces any earlier pending one; TOTP is not on until enable).
export interface TotpSetupResponse {
  /** Base32, for typing into an authenticator by hand. */
  secret: string;
  otpauthUrl: string;
  /** data:image/png;base64,… QR code of otpauthUrl. */
  qrDataUrl: string;
}
// POST /auth/totp/enable { code } → TotpEnableResponse; 400 `{ error: 'invalid code' }`.
export const totpEnableBodySchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'code: 6 digits') });
export interface TotpEnableResponse {
  /** 10 one-time recovery codes, shown once (only hashes are stored). */
  recoveryCodes: string[];
}
// POST /auth/totp/disable { password } → 204; 403 when TOTP is mandatory for one of the user's roles.
export const totpDisableBodySchema = z.object({ password: passwordField });

// ---- Administration (users.manage) ----

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  /** Set while the user is locked out after failed sign-ins. */
  lockedUntil: string | null;
}
// GET /users → { items: UserView[] }
export interface UserListResponse {
  items: UserView[];
}
// POST /users → 201 UserCreatedResponse; 409 when the username exists.
export const userCreateBodySchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  roles: z.array(roleSchema).min(1).max(ROLES.length),
});
export type UserCreateBody = z.infer<typeof userCreateBodySchema>;
export interface UserCreatedResponse {
  user: UserView;
  /** Shown once; the user must change it at first sign-in. */
  oneTimePassword: string;
}
// PATCH /users/:id → { user: UserView }. Changing roles or disabling ends the user's sessions.
// 409 when it would leave no enabled admin.
export const userPatchBodySchema = z
  .object({
    roles: z.array(roleSchema).min(1).max(ROLES.length).optional(),
    disabled: z.boolean().optional(),
    displayName: displayNameSchema.optional(),
  })
  .strict()
  .refine((b) => b.roles !== undefined || b.disabled !== undefined || b.displayName !== undefined, 'nothing to change');
export type UserPatchBody = z.infer<typeof userPatchBodySchema>;
// POST /users/:id/reset-password (body optional: { resetTotp?: boolean }) → { oneTimePassword }.
// Ends the user's sessions, clears a lock-out, sets mustChangePassword.
export const resetPasswordBodySchema = z.object({ resetTotp: z.boolean().optional() }).strict();
export interface ResetPasswordResponse {
  oneTimePassword: string;
}

// GET/PUT /settings/security (settings.write) → SecuritySettings
export const securitySettingsSchema = z.object({ totpRequiredRoles: z.array(roleSchema).max(ROLES.length) }).strict();
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

// ---- API tokens (tokens.manage) ----

export interface TokenView {
  id: number;
  name: string;
  scope: TokenScope;
  /** First characters of the token, to tell tokens apart (the token itself is never stored). */
  prefix: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
// GET /tokens → { items: TokenView[] } (revoked ones included, newest first)
export interface TokenListResponse {
  items: TokenView[];
}
// POST /tokens → 201 TokenCreatedResponse. Use as `Authorization: Bearer <token>`.
export const tokenCreateBodySchema = z.object({ name: displayNameSchema, scope: tokenScopeSchema });
export type TokenCreateBody = z.infer<typeof tokenCreateBodySchema>;
export interface TokenCreatedResponse extends TokenView {
  /** Shown once. */
  token: string;
}
// DELETE /tokens/:id → 204; the token stops working at once. 404 when unknown or already revoked.

// ---- Audit log (audit.read) ----

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'auth.logout_all',
  'auth.password_changed',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'auth.recovery_code_used',
  'access.denied',
  'user.created',
  'user.updated',
  'user.password_reset',
  'token.created',
  'token.revoked',
  'settings.updated',
  'topics.updated',
  /** A report subscription created, changed or deleted (detail.op, and the subscription's fields). */
  'report_subscription.changed',
  /** An alert rule created, changed or deleted (detail.op and the rule as sent). */
  'alert_rule.changed',
  /** A contact point created, changed or deleted (detail.op, name and kind; never its secrets). */
  'contact_point.changed',
  'incident.acknowledge',
  'incident.assign',
  'incident.status',
  'incident.clarification',
  'review.write',
  'mentions.search',
  'mentions.export',
  /** How an export ended (complete, aborted by the client, failed) and how many rows left. */
  'mentions.export_end',
  'audit.export',
  'audit.export_end',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_RESULTS = ['ok', 'denied', 'failed'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditEntry {
  id: number;
  /** ISO time. */
  time: string;
  /** Username, `token:<name>`, `bootstrap-ingest`, `cli:<os user>` or `anonymous`. */
  actor: string;
  roles: string[];
  ip: string | null;
  action: AuditAction;
  /** What was acted on, e.g. `user:3`, `incident:12`, `mentions` (null when nothing). */
  object: string | null;
  result: AuditResult;
  /** Action-specific facts (a search's query, an export's filter and row count, a change's fields). */
  detail: Record<string, unknown> | null;
  /** SHA-256 hex of the previous row's hash + this row's canonical form (see `npx yuqing audit verify`). */
  hash: string;
}

const isoTime = z.iso.datetime({ offset: true });
// GET /audit?from&to&actor&action&limit&cursor → AuditPage (newest first). GET /audit.csv: same filters, no limit/cursor.
export const auditQuerySchema = z
  .object({
    from: isoTime.optional(),
    to: isoTime.optional(),
    // No control characters: PostgreSQL refuses a NUL in any text parameter (a 500 otherwise).
    actor: z.string().max(64).refine((s) => !CONTROL.test(s), 'must not contain control characters').optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** Opaque: the previous page's nextCursor. */
    cursor: z.string().regex(/^\d{1,15}$/, 'invalid cursor').optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export const auditExportQuerySchema = auditQuerySchema.omit({ limit: true, cursor: true });
export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}
