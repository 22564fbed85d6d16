import type { ColumnType, Generated } from 'kysely';
import type { AlertTables } from './alert-schema.js';
import type { IncidentEventRow, IncidentRow } from './incident-rows.js';
import type { AccountTables } from './account-rows.js';
import type { ReportDeliveriesTable, ReportSubscriptionsTable, ReportsTable } from './report-rows.js';
import type { MentionRow, StoryRow } from './rows.js';

/**
 * The store's tables as the typed SQL layer (Kysely) sees them, on both backends. Times are ms since
 * the epoch (BIGINT in PostgreSQL, parsed back to numbers); flags are 0/1 integers on both, so rows
 * read the same whichever backend holds them.
 */
export interface MentionsTable extends MentionRow {
  source: string;
  ingested_at: number;
  /**
   * PostgreSQL only: the keyword index (to_tsvector('simple', indexedTerms(text))), written on
   * insert and never read back as a value. SQLite keeps the same terms in mention_fts.
   */
  terms: ColumnType<never, string | undefined, never>;
}

type Counter<Bucket extends string> = { [K in Bucket]: number } & { dim: string; key: string; n: number };

export interface Database extends AccountTables, AlertTables {
  schema_migrations: { id: number; name: string; applied_at: number };
  mentions: MentionsTable;
  /** PostgreSQL only: claims each uid once across writers (mentions there is partitioned by time). */
  mention_keys: { uid: string; created_at: number };
  mention_topics: { topic: string; created_at: number; uid: string };
  agg_minute: Counter<'minute'>;
  /** The same counters per hour (floor(ms / 3 600 000)) and per UTC day (floor(ms / 86 400 000)). */
  agg_hour: Counter<'hour'>;
  agg_day: Counter<'day'>;
  /** SQLite only: the contentless FTS5 keyword index; rowid = the mention's rowid. */
  mention_fts: { rowid: number; terms: string };
  stories: Required<StoryRow> & { hash: string | null };
  story_roots: { root_uid: string; story_id: string };
  story_bands: { band: string; story_id: string; hash: string };
  rejected_items: { job_id: string; item_index: number; error: string; payload: string; at: number };
  settings: { key: string; value: string; updated_at: number; updated_by: string | null };
  incidents: Omit<IncidentRow, 'id'> & { id: Generated<number> };
  incident_events: Omit<IncidentEventRow, 'id'> & { id: Generated<number> };
  reports: ReportsTable;
  report_subscriptions: ReportSubscriptionsTable;
  report_deliveries: ReportDeliveriesTable;
  tag_reviews: {
    id: Generated<number>;
    uid: string;
    tag: string;
    old_value: string;
    new_value: string;
    agreed: number;
    confidence: number | null;
    actor: string;
    at: number;
  };
}
