import type { Generated } from 'kysely';

/**
 * Accounts, sessions, API tokens and the audit log (migration 10). Times are ms since the epoch;
 * flags 0/1; `roles` a comma-separated list of Role names (validated when read).
 */
export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string;
  disabled: number;
  must_change_password: number;
  /** Base32 TOTP secret once enrolment is confirmed; null without a second factor. */
  totp_secret: string | null;
  /** Secret shown by /auth/totp/setup, waiting for the first code. */
  totp_pending_secret: string | null;
  /** Last accepted TOTP time step: a code is accepted once (replay protection). */
  totp_last_step: number | null;
  created_at: number;
  updated_at: number;
  last_login_at: number | null;
}

export interface SessionRow {
  /** SHA-256 hex of the cookie value: a copy of the table does not hand out live sessions. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  /** Absolute end (sign-in + max lifetime). */
  expires_at: number;
  revoked_at: number | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AccountTables {
  users: Omit<UserRow, 'id'> & { id: Generated<number> };
  recovery_codes: { id: Generated<number>; user_id: number; code_hash: string; used_at: number | null };
  /** Failed sign-ins per (lower-cased) name, existing or not, so a lock-out reveals nothing. */
  login_failures: { username: string; at: number };
  login_locks: { username: string; locked_until: number };
  sessions: SessionRow;
  api_tokens: {
    id: Generated<number>;
    name: string;
    scope: string;
    token_hash: string;
    prefix: string;
    created_at: number;
    created_by: string;
    last_used_at: number | null;
    revoked_at: number | null;
  };
  audit_log: {
    id: number;
    at: number;
    actor: string;
    roles: string;
    ip: string | null;
    action: string;
    object: string | null;
    result: string;
    /** JSON or null. */
    detail: string | null;
    prev_hash: string;
    hash: string;
  };
}
