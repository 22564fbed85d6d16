/**
 * Migration 30 (SQLite): alerting. Rules are a current row plus one version row per change (who,
 * when, the whole config), so an alert can name the version that raised it. `alerts` holds one row
 * per episode; the partial unique index makes "one open episode per rule and key" a store rule,
 * so two servers racing over the same tick cannot both open one. The PostgreSQL twin is in
 * migrations-alerts-postgres.ts.
 */
export const ALERTS_MIGRATION = {
  id: 30,
  name: 'alert rules (versioned), contact points, alerts (episodes), deliveries, evaluator state',
  sql: `
CREATE TABLE alert_rules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  config TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE TABLE alert_rule_versions (
  rule_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  config TEXT,
  at INTEGER NOT NULL,
  by TEXT NOT NULL,
  PRIMARY KEY (rule_id, version)
);
CREATE TABLE contact_points (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  settings TEXT NOT NULL,
  secrets TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id INTEGER NOT NULL,
  rule_version INTEGER NOT NULL,
  rule_name TEXT NOT NULL,
  kind TEXT NOT NULL,
  severity TEXT NOT NULL,
  key TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  last_true_at INTEGER NOT NULL,
  resolved_at INTEGER,
  acknowledged_at INTEGER,
  acknowledged_by TEXT,
  escalated_at INTEGER
);
CREATE UNIQUE INDEX alerts_open_episode ON alerts (rule_id, key) WHERE resolved_at IS NULL;
CREATE INDEX alerts_opened ON alerts (opened_at);
CREATE INDEX alerts_unacknowledged ON alerts (opened_at) WHERE acknowledged_at IS NULL;
CREATE TABLE alert_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id INTEGER,
  contact_point_id INTEGER NOT NULL,
  attempt INTEGER NOT NULL,
  status TEXT NOT NULL,
  response_code INTEGER,
  error TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id, at);
CREATE INDEX alert_deliveries_contact ON alert_deliveries (contact_point_id, at);
-- Small evaluator state shared by the servers (cursors), as JSON.
CREATE TABLE alert_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
`,
} as const;
