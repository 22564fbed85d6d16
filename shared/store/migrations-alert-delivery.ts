/**
 * Migration 31 (SQLite): keyword hits counted by the workers and durable deliveries.
 *
 * `alert_keyword_hits` is a rollup like agg_minute: per keyword rule and minute of created_at, how
 * many newly stored mentions matched (added in the batch's own transaction, so a retried batch adds
 * nothing) and a few of their uids (a JSON array, at most a handful more than KEYWORD_SAMPLE_MAX).
 * The evaluator reads it instead of the mentions.
 *
 * `alert_outbox` holds every delivery still to make: one row per alert and contact point, written in
 * the transaction that opens (or escalates) the alert. A server claims due rows with a lease
 * (lease_owner, lease_until), makes one attempt, and either finishes the row (done_at) or moves
 * next_at on for the retry; a server that dies mid-retry leaves the row to the next one whose
 * lease check passes. Each attempt is still a row in alert_deliveries. The PostgreSQL twin is in
 * migrations-alert-delivery-postgres.ts.
 */
export const ALERT_DELIVERY_MIGRATION = {
  id: 31,
  name: 'alert keyword hits (rollup from the workers), alert outbox (durable deliveries with leases)',
  sql: `
CREATE TABLE alert_keyword_hits (
  rule_id INTEGER NOT NULL,
  minute INTEGER NOT NULL,
  n INTEGER NOT NULL,
  sample_uids TEXT NOT NULL,
  PRIMARY KEY (rule_id, minute)
);
CREATE INDEX alert_keyword_hits_minute ON alert_keyword_hits (minute);
CREATE TABLE alert_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id INTEGER NOT NULL,
  contact_point_id INTEGER NOT NULL,
  reason TEXT NOT NULL,
  message TEXT NOT NULL,
  rule_quiet TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL,
  lease_owner TEXT,
  lease_until INTEGER,
  done_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX alert_outbox_due ON alert_outbox (next_at) WHERE done_at IS NULL;
CREATE INDEX alert_outbox_done ON alert_outbox (done_at) WHERE done_at IS NOT NULL;
-- The keyword cursor's evaluator state (migration 30) is no longer kept: hits come from the rollup above.
DROP TABLE alert_state;
`,
} as const;
