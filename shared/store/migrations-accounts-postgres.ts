/**
 * Migration 10 for PostgreSQL: the same tables as ./migrations-accounts.ts (to be merged into the
 * PostgreSQL migration list). Times BIGINT ms; the audit log refuses UPDATE and refuses DELETE of
 * rows younger than 180 days through a trigger function.
 */
export const ACCOUNTS_POSTGRES_MIGRATION = {
  id: 10,
  name: 'accounts, sessions, API tokens, audit log',
  sql: `
CREATE TABLE users (
  id BIGSERIAL PRIMARY KEY,
  username TEXT COLLATE "C" NOT NULL UNIQUE,
  display_name TEXT COLLATE "C" NOT NULL,
  password_hash TEXT COLLATE "C" NOT NULL,
  roles TEXT COLLATE "C" NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  totp_secret TEXT COLLATE "C",
  totp_pending_secret TEXT COLLATE "C",
  totp_last_step BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  last_login_at BIGINT
);
CREATE TABLE recovery_codes (
  id BIGSERIAL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  code_hash TEXT COLLATE "C" NOT NULL,
  used_at BIGINT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);
CREATE TABLE login_failures (username TEXT COLLATE "C" NOT NULL, at BIGINT NOT NULL);
CREATE INDEX login_failures_name ON login_failures (username, at);
CREATE TABLE login_locks (username TEXT COLLATE "C" PRIMARY KEY, locked_until BIGINT NOT NULL);
CREATE TABLE sessions (
  id_hash TEXT COLLATE "C" PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT COLLATE "C" NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  ip TEXT COLLATE "C",
  user_agent TEXT COLLATE "C"
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id BIGSERIAL PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL,
  scope TEXT COLLATE "C" NOT NULL,
  token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
  prefix TEXT COLLATE "C" NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT COLLATE "C" NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor TEXT COLLATE "C" NOT NULL,
  roles TEXT COLLATE "C" NOT NULL,
  ip TEXT COLLATE "C",
  action TEXT COLLATE "C" NOT NULL,
  object TEXT COLLATE "C",
  result TEXT COLLATE "C" NOT NULL,
  detail TEXT COLLATE "C",
  prev_hash TEXT COLLATE "C" NOT NULL,
  hash TEXT COLLATE "C" NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN RAISE EXCEPTION 'audit_log is append-only'; END IF;
  IF OLD.at > (extract(epoch FROM now()) - 180 * 86400) * 1000 THEN
    RAISE EXCEPTION 'audit rows are kept at least 180 days';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
`,
} as const;
