/** Migration 30 for PostgreSQL: the tables of migrations-alerts.ts, translated as migrations-postgres.ts explains. */
export const ALERTS_MIGRATION_POSTGRES = {
  id: 30,
  name: 'alert rules (versioned), contact points, alerts (episodes), deliveries, evaluator state',
  sql: `
CREATE TABLE alert_rules (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version INTEGER NOT NULL,
  config TEXT COLLATE "C" NOT NULL,
  enabled INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  updated_by TEXT COLLATE "C" NOT NULL
);
CREATE TABLE alert_rule_versions (
  rule_id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  config TEXT COLLATE "C",
  at BIGINT NOT NULL,
  by TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (rule_id, version)
);
CREATE TABLE contact_points (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  settings TEXT COLLATE "C" NOT NULL,
  secrets TEXT COLLATE "C",
  deleted INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  updated_by TEXT COLLATE "C" NOT NULL
);
CREATE TABLE alerts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_id BIGINT NOT NULL,
  rule_version INTEGER NOT NULL,
  rule_name TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  severity TEXT COLLATE "C" NOT NULL,
  key TEXT COLLATE "C" NOT NULL,
  title TEXT COLLATE "C" NOT NULL,
  body TEXT COLLATE "C" NOT NULL,
  link TEXT COLLATE "C" NOT NULL,
  opened_at BIGINT NOT NULL,
  last_true_at BIGINT NOT NULL,
  resolved_at BIGINT,
  acknowledged_at BIGINT,
  acknowledged_by TEXT COLLATE "C",
  escalated_at BIGINT
);
CREATE UNIQUE INDEX alerts_open_episode ON alerts (rule_id, key) WHERE resolved_at IS NULL;
CREATE INDEX alerts_opened ON alerts (opened_at);
CREATE INDEX alerts_unacknowledged ON alerts (opened_at) WHERE acknowledged_at IS NULL;
CREATE TABLE alert_deliveries (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id BIGINT,
  contact_point_id BIGINT NOT NULL,
  attempt INTEGER NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  response_code INTEGER,
  error TEXT COLLATE "C",
  at BIGINT NOT NULL
);
CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id, at);
CREATE INDEX alert_deliveries_contact ON alert_deliveries (contact_point_id, at);
CREATE TABLE alert_state (
  key TEXT COLLATE "C" PRIMARY KEY,
  value TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL
);
`,
} as const;
