/**
 * Migration 21 (report delivery), SQLite and PostgreSQL side by side: which contact points receive
 * the scheduled reports, and one row per report sent to one of them.
 *
 * report_deliveries is the claim that makes delivery once per period across restarts and servers:
 * a sender inserts (contact point, kind, period, lang) first, ON CONFLICT DO NOTHING, and sends
 * only when its insert won; the row then records the outcome. A process that dies between the
 * claim and the send leaves 'sending' behind and the report is not sent again (at most once).
 *
 * reports gains the title and written assessment of a scheduled file, so that the message sent
 * with it (robots get the text and a link) says what the archived file says even when sent later.
 */
const SQLITE = `
CREATE TABLE report_subscriptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_point_id INTEGER NOT NULL,
  daily INTEGER NOT NULL CHECK (daily IN (0, 1)),
  weekly INTEGER NOT NULL CHECK (weekly IN (0, 1)),
  lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE UNIQUE INDEX report_subscriptions_target ON report_subscriptions (contact_point_id, lang);
CREATE TABLE report_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_point_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('day', 'week')),
  period TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
  status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'gone')),
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  claimed_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE UNIQUE INDEX report_deliveries_once ON report_deliveries (contact_point_id, kind, period, lang);
CREATE INDEX report_deliveries_claimed ON report_deliveries (claimed_at);
ALTER TABLE reports ADD COLUMN title TEXT;
ALTER TABLE reports ADD COLUMN assessment TEXT;
`;

const POSTGRES = `
CREATE TABLE report_subscriptions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contact_point_id BIGINT NOT NULL,
  daily INTEGER NOT NULL CHECK (daily IN (0, 1)),
  weekly INTEGER NOT NULL CHECK (weekly IN (0, 1)),
  lang TEXT COLLATE "C" NOT NULL CHECK (lang IN ('zh', 'en')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX report_subscriptions_target ON report_subscriptions (contact_point_id, lang);
CREATE TABLE report_deliveries (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contact_point_id BIGINT NOT NULL,
  kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('day', 'week')),
  period TEXT COLLATE "C" NOT NULL,
  lang TEXT COLLATE "C" NOT NULL CHECK (lang IN ('zh', 'en')),
  status TEXT COLLATE "C" NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'gone')),
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT COLLATE "C",
  claimed_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE UNIQUE INDEX report_deliveries_once ON report_deliveries (contact_point_id, kind, period, lang);
CREATE INDEX report_deliveries_claimed ON report_deliveries (claimed_at);
ALTER TABLE reports ADD COLUMN title TEXT COLLATE "C";
ALTER TABLE reports ADD COLUMN assessment TEXT COLLATE "C";
`;

const NAME = 'report subscriptions and deliveries';
export const REPORT_DELIVERY_MIGRATION = { id: 21, name: NAME, sql: SQLITE } as const;
export const REPORT_DELIVERY_POSTGRES_MIGRATION = { id: 21, name: NAME, sql: POSTGRES } as const;
