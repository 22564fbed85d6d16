/**
 * Migration 20 (the report archive) for PostgreSQL, kept in its own file while other branches add
 * ids 4, 5 and 10 to migrations-postgres.ts; the same table as SQLite's migration 20 translated as
 * described there (BIGINT times, identity id, COLLATE "C" text; the file's bytes are BYTEA).
 */
export const REPORTS_POSTGRES_MIGRATION = {
  id: 20,
  name: 'report archive',
  sql: `
CREATE TABLE reports (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('day', 'week')),
  period TEXT COLLATE "C" NOT NULL,
  lang TEXT COLLATE "C" NOT NULL CHECK (lang IN ('zh', 'en')),
  format TEXT COLLATE "C" NOT NULL CHECK (format IN ('docx', 'pdf')),
  bytes BYTEA NOT NULL,
  size BIGINT NOT NULL,
  origin TEXT COLLATE "C" NOT NULL,
  schedule_key TEXT COLLATE "C" UNIQUE,
  created_at BIGINT NOT NULL
);
CREATE INDEX reports_created ON reports (created_at);
CREATE INDEX reports_period ON reports (kind, period);
`,
} as const;
