/** Migration 31 for PostgreSQL: the tables of migrations-alert-delivery.ts, translated as migrations-postgres.ts explains. */
export const ALERT_DELIVERY_MIGRATION_POSTGRES = {
  id: 31,
  name: 'alert keyword hits (rollup from the workers), alert outbox (durable deliveries with leases)',
  sql: `
CREATE TABLE alert_keyword_hits (
  rule_id BIGINT NOT NULL,
  minute BIGINT NOT NULL,
  n BIGINT NOT NULL,
  sample_uids TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (rule_id, minute)
);
CREATE INDEX alert_keyword_hits_minute ON alert_keyword_hits (minute);
CREATE TABLE alert_outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id BIGINT NOT NULL,
  contact_point_id BIGINT NOT NULL,
  reason TEXT COLLATE "C" NOT NULL,
  message TEXT COLLATE "C" NOT NULL,
  rule_quiet TEXT COLLATE "C",
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at BIGINT NOT NULL,
  lease_owner TEXT COLLATE "C",
  lease_until BIGINT,
  done_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX alert_outbox_due ON alert_outbox (next_at) WHERE done_at IS NULL;
CREATE INDEX alert_outbox_done ON alert_outbox (done_at) WHERE done_at IS NOT NULL;
-- The keyword cursor's evaluator state (migration 30) is no longer kept: hits come from the rollup above.
DROP TABLE alert_state;
`,
} as const;
