import { ACCOUNTS_POSTGRES_MIGRATION } from './migrations-accounts-postgres.js';

/**
 * The store's schema for PostgreSQL (DATABASE_URL=postgres://…): the migrations of migrations.ts,
 * same ids, names, tables, columns and meaning, translated:
 *
 * - ms timestamps, minutes, counts and ids are BIGINT (parsed back to numbers, see postgres/pool.ts);
 *   0/1 flags stay INTEGER and REAL is DOUBLE PRECISION, so rows read as they do from SQLite.
 * - AUTOINCREMENT is BIGINT GENERATED ALWAYS AS IDENTITY (no code inserts explicit ids; a copy from
 *   SQLite would need OVERRIDING SYSTEM VALUE). Unlike SQLite's, identity values are taken at INSERT,
 *   not at COMMIT, so concurrent writers can commit them out of order (see incident_events).
 * - Every TEXT column is COLLATE "C": byte order, as SQLite's BINARY, whatever the database's default
 *   collation, so ORDER BY and keyset cursors over (…, uid) give the same pages on both backends and
 *   lower()/LIKE behave alike. All of them, because comparing columns of two different collations
 *   (a join on story_id, uid…) is an error in PostgreSQL.
 * - `mentions` and `mention_topics` are PARTITIONED BY RANGE (created_at), one partition per UTC day,
 *   so retention drops whole days instead of deleting rows (see partitionDdl below).
 *
 * Partitioning and uniqueness: a partitioned table's primary key must contain the partition key, so
 * mentions' key is (uid, created_at) and no longer stops a second row with the same uid. The batch
 * writer therefore claims each uid in `mention_keys` (not partitioned) first, inside the batch's
 * transaction: `INSERT INTO mention_keys (uid, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING
 * RETURNING uid` — a row back means the mention is new and is inserted; none means it is a
 * duplicate (also across concurrent writers: the second waits for the first's commit). It also says
 * which day holds a uid: look a mention up by uid with `created_at = (SELECT created_at FROM
 * mention_keys WHERE uid = $1)` so that only one partition is searched. Retention deletes the
 * mention_keys rows older than the window along with the partitions (the writer already refuses
 * mentions older than the window, so a uid freed that way cannot be stored twice).
 */

import { REPORTS_POSTGRES_MIGRATION } from './migrations-reports-postgres.js';
import { REPORT_DELIVERY_POSTGRES_MIGRATION } from './migrations-report-delivery.js';
import { ALERTS_MIGRATION_POSTGRES } from './migrations-alerts-postgres.js';
import { ALERT_DELIVERY_MIGRATION_POSTGRES } from './migrations-alert-delivery-postgres.js';

const DAY_MS = 86_400_000;

export type PartitionedTable = 'mentions' | 'mention_topics';

export const POSTGRES_MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'mentions, aggregates, stories, topics config',
    sql: `
CREATE TABLE mentions (
  uid TEXT COLLATE "C" NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  platform TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  text TEXT COLLATE "C" NOT NULL,
  created_at BIGINT NOT NULL,
  created_at_iso TEXT COLLATE "C" NOT NULL,
  parent_uid TEXT COLLATE "C",
  root_uid TEXT COLLATE "C",
  thread_uid TEXT COLLATE "C" NOT NULL,
  author_id TEXT COLLATE "C",
  author_name TEXT COLLATE "C",
  author_verified INTEGER NOT NULL DEFAULT 0,
  author_official INTEGER NOT NULL DEFAULT 0,
  followers BIGINT NOT NULL DEFAULT 0,
  reposts BIGINT NOT NULL DEFAULT 0,
  comments BIGINT NOT NULL DEFAULT 0,
  likes BIGINT NOT NULL DEFAULT 0,
  engagement BIGINT NOT NULL DEFAULT 0,
  region TEXT COLLATE "C",
  url TEXT COLLATE "C",
  lang TEXT COLLATE "C" NOT NULL,
  sentiment TEXT COLLATE "C" NOT NULL,
  sentiment_score DOUBLE PRECISION NOT NULL,
  emotion TEXT COLLATE "C" NOT NULL,
  critical INTEGER NOT NULL,
  stance TEXT COLLATE "C" NOT NULL,
  topics TEXT COLLATE "C" NOT NULL,
  story_id TEXT COLLATE "C",
  source TEXT COLLATE "C" NOT NULL,
  ingested_at BIGINT NOT NULL,
  -- The partition key must be part of the key: uids are claimed once in mention_keys instead.
  PRIMARY KEY (uid, created_at)
) PARTITION BY RANGE (created_at);
-- Indexes on the parent are created on every partition, present and future.
CREATE INDEX mentions_created ON mentions (created_at, uid);
CREATE INDEX mentions_engagement ON mentions (engagement, uid);
CREATE INDEX mentions_score ON mentions (sentiment_score, uid);
CREATE INDEX mentions_sentiment ON mentions (sentiment, created_at);
CREATE INDEX mentions_critical ON mentions (critical, created_at) WHERE critical = 1;
CREATE INDEX mentions_emotion ON mentions (emotion, created_at);
CREATE INDEX mentions_stance ON mentions (stance, created_at);
CREATE INDEX mentions_platform ON mentions (platform, created_at);
CREATE INDEX mentions_region ON mentions (region, created_at) WHERE region IS NOT NULL;
CREATE INDEX mentions_thread ON mentions (thread_uid, created_at);
CREATE INDEX mentions_story ON mentions (story_id, created_at);
-- Rows of days without their own partition (far past imports, far future clocks) land here, so an
-- insert never fails; in normal operation it stays empty (partitions are created days ahead).
CREATE TABLE mentions_default PARTITION OF mentions DEFAULT;

-- Each stored uid once, with the day (partition) that holds it; see the file's comment.
CREATE TABLE mention_keys (
  uid TEXT COLLATE "C" PRIMARY KEY,
  created_at BIGINT NOT NULL
);
CREATE INDEX mention_keys_created ON mention_keys (created_at);

CREATE TABLE mention_topics (
  topic TEXT COLLATE "C" NOT NULL,
  created_at BIGINT NOT NULL,
  uid TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (topic, created_at, uid)
) PARTITION BY RANGE (created_at);
CREATE TABLE mention_topics_default PARTITION OF mention_topics DEFAULT;

-- Per-minute counters by dimension (sentiment, critical, topic, emotion, stance, lang, platform, all).
CREATE TABLE agg_minute (
  minute BIGINT NOT NULL,
  dim TEXT COLLATE "C" NOT NULL,
  key TEXT COLLATE "C" NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (minute, dim, key)
);

CREATE TABLE stories (
  id TEXT COLLATE "C" PRIMARY KEY,
  root_uid TEXT COLLATE "C",
  text TEXT COLLATE "C" NOT NULL,
  hash TEXT COLLATE "C",
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  posts BIGINT NOT NULL DEFAULT 0,
  replies BIGINT NOT NULL DEFAULT 0,
  supports BIGINT NOT NULL DEFAULT 0,
  queries BIGINT NOT NULL DEFAULT 0,
  denies BIGINT NOT NULL DEFAULT 0,
  reach BIGINT NOT NULL DEFAULT 0,
  official_replied INTEGER NOT NULL DEFAULT 0,
  -- The story's first post is an official account's own statement (a clarification is not a rumour).
  root_official INTEGER NOT NULL DEFAULT 0,
  rumour_score DOUBLE PRECISION NOT NULL DEFAULT 0,
  candidate INTEGER NOT NULL DEFAULT 0,
  -- The scorer's running state and its last explanation (JSON), owned by workers/rumour/.
  signals TEXT COLLATE "C" NOT NULL DEFAULT '{}'
);
CREATE INDEX stories_last_seen ON stories (last_seen);
CREATE INDEX stories_candidate ON stories (candidate, rumour_score) WHERE candidate = 1;

CREATE TABLE story_roots (root_uid TEXT COLLATE "C" PRIMARY KEY, story_id TEXT COLLATE "C" NOT NULL);
CREATE TABLE story_bands (
  band TEXT COLLATE "C" NOT NULL,
  story_id TEXT COLLATE "C" NOT NULL,
  hash TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (band, story_id)
);

-- Items that reached a worker but can never be stored (bad payloads), kept for inspection.
CREATE TABLE rejected_items (
  job_id TEXT COLLATE "C" NOT NULL,
  item_index INTEGER NOT NULL,
  error TEXT COLLATE "C" NOT NULL,
  payload TEXT COLLATE "C" NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (job_id, item_index)
);

CREATE TABLE settings (
  key TEXT COLLATE "C" PRIMARY KEY,
  value TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT COLLATE "C"
);
`,
  },
  {
    id: 2,
    name: 'rumour incidents and their history',
    sql: `
-- One incident per story (story_id UNIQUE): the worker opens it with INSERT … ON CONFLICT (story_id)
-- DO NOTHING inside the batch transaction, so a redelivered batch or a second worker can never open
-- a duplicate.
CREATE TABLE incidents (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  story_id TEXT COLLATE "C" NOT NULL UNIQUE,
  -- First detection: the response clock (5 h / 24 h / 48 h) runs from here.
  opened_at BIGINT NOT NULL,
  status TEXT COLLATE "C" NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'verifying', 'clarified', 'watching', 'dismissed')),
  status_note TEXT COLLATE "C",
  assignee TEXT COLLATE "C",
  acknowledged_at BIGINT,
  acknowledged_by TEXT COLLATE "C",
  clarification_uid TEXT COLLATE "C",
  -- An earlier clarified or dismissed incident about the same hoax (known rumour), and how alike they are.
  known_incident_id BIGINT REFERENCES incidents (id),
  known_similarity DOUBLE PRECISION,
  score_at_open DOUBLE PRECISION NOT NULL,
  -- The scorer's explanation when the incident opened (JSON, or NULL when it gave none).
  reasons_at_open TEXT COLLATE "C",
  -- The story's representative text when it opened; what later stories are matched against.
  story_text TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL,
  -- Set while the status is clarified or dismissed: the response clock stops there.
  closed_at BIGINT
);
CREATE INDEX incidents_status ON incidents (status, opened_at);
CREATE INDEX incidents_opened ON incidents (opened_at);
CREATE INDEX incidents_closed ON incidents (closed_at) WHERE closed_at IS NOT NULL;

-- Every change, with who and when. NB: unlike SQLite's AUTOINCREMENT (one writer at a time), these
-- ids are handed out at INSERT, so with concurrent writers a higher id can commit before a lower
-- one; "everything after the last id seen" is therefore not a safe change feed here on its own
-- (the live hub's multi-writer feed is handled outside this table).
CREATE TABLE incident_events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id BIGINT NOT NULL REFERENCES incidents (id),
  at BIGINT NOT NULL,
  actor TEXT COLLATE "C" NOT NULL,
  action TEXT COLLATE "C" NOT NULL,
  from_value TEXT COLLATE "C",
  to_value TEXT COLLATE "C",
  note TEXT COLLATE "C"
);
CREATE INDEX incident_events_incident ON incident_events (incident_id, id);
`,
  },
  {
    id: 3,
    name: 'tag confidence and analyst reviews',
    sql: `
-- The tagger's probability of each chosen label (JSON TagConfidence) and the least sure tag's
-- probability relative to its mark (certaintyOf, below 1 = uncertain), which filters and orders the
-- review queue. Mentions stored before tags carried confidence count as certain. On the partitioned
-- parent, ADD COLUMN (and the index) reach every partition, the default one included.
ALTER TABLE mentions ADD COLUMN tag_confidence TEXT COLLATE "C";
ALTER TABLE mentions ADD COLUMN certainty DOUBLE PRECISION NOT NULL DEFAULT 1;
-- Set once an analyst corrected or confirmed the mention's tags: it leaves the review queue.
ALTER TABLE mentions ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX mentions_review ON mentions (reviewed, certainty, engagement);

-- Every verdict an analyst gave on one tag of one mention: a correction (old differs from new) or a
-- confirmation (the same). Values are JSON. The tagger's confidence at the time is kept so that the
-- agreement page can show how often confident and uncertain tags were right.
CREATE TABLE tag_reviews (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uid TEXT COLLATE "C" NOT NULL,
  tag TEXT COLLATE "C" NOT NULL CHECK (tag IN ('sentiment', 'emotion', 'critical', 'stance', 'topics')),
  old_value TEXT COLLATE "C" NOT NULL,
  new_value TEXT COLLATE "C" NOT NULL,
  agreed INTEGER NOT NULL,
  confidence DOUBLE PRECISION,
  actor TEXT COLLATE "C" NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX tag_reviews_uid ON tag_reviews (uid, id);
CREATE INDEX tag_reviews_at ON tag_reviews (at);
`,
  },
  {
    id: 4,
    name: 'hourly and daily rollups, keyword index',
    sql: `
-- The per-minute counters rolled up by hour (floor(ms / 3600000)) and UTC day (floor(ms / 86400000)),
-- maintained in the same transactions as agg_minute (shared/store/repos/aggregates.ts).
CREATE TABLE agg_hour (
  hour BIGINT NOT NULL,
  dim TEXT COLLATE "C" NOT NULL,
  key TEXT COLLATE "C" NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (hour, dim, key)
);
CREATE TABLE agg_day (
  day BIGINT NOT NULL,
  dim TEXT COLLATE "C" NOT NULL,
  key TEXT COLLATE "C" NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (day, dim, key)
);
INSERT INTO agg_hour (hour, dim, key, n) SELECT minute / 60, dim, key, SUM(n)::bigint FROM agg_minute GROUP BY minute / 60, dim, key;
INSERT INTO agg_day (day, dim, key, n) SELECT minute / 1440, dim, key, SUM(n)::bigint FROM agg_minute GROUP BY minute / 1440, dim, key;

-- Keyword index: to_tsvector('simple', indexedTerms(text)) (shared/store/terms.ts), written by the
-- batch writer; the GIN index on the parent reaches every partition. Rows stored before this
-- migration have none (PostgreSQL stores are newer than the keyword index, so there are none).
ALTER TABLE mentions ADD COLUMN terms tsvector;
CREATE INDEX mentions_terms ON mentions USING GIN (terms);
`,
  },
  {
    id: 5,
    name: 'read-side indexes: critical by hour and engagement, story size, incident events by time',
    sql: `
-- As SQLite's migration 5: the day's most-engaged critical mentions from the top of this partial
-- index per UTC hour (LIMIT, in every day partition), the leading stories walked largest first,
-- and the live incident feed's poll by commit time (server/live/incident-feed.ts).
CREATE INDEX mentions_critical_hour ON mentions ((created_at / 3600000), engagement, created_at, uid) WHERE critical = 1;
CREATE INDEX stories_size ON stories ((posts + replies), last_seen);
CREATE INDEX incident_events_at ON incident_events (at, id);
`,
  },
  ACCOUNTS_POSTGRES_MIGRATION,
  REPORTS_POSTGRES_MIGRATION,
  REPORT_DELIVERY_POSTGRES_MIGRATION,
  ALERTS_MIGRATION_POSTGRES,
  ALERT_DELIVERY_MIGRATION_POSTGRES,
];

/** The day partition's name: `mentions_p20250131` holds the mentions created on that UTC day. */
export function partitionName(table: PartitionedTable, dayStartMs: number): string {
  checkDay(table, dayStartMs);
  return `${table}_p${new Date(dayStartMs).toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/**
 * The statement creating `table`'s partition for the UTC day starting at `dayStartMs` (a multiple of
 * 86 400 000: UTC days have no DST, so every partition is exactly [start, start + 1 day)). Idempotent
 * (IF NOT EXISTS by name), so several workers can run it.
 *
 * Create partitions AHEAD of time — at start-up and from a daily timer, for today and the next few
 * days — never on demand at the first insert:
 * - PostgreSQL refuses to create a partition while the DEFAULT partition holds rows of its range
 *   ("updated partition constraint for default partition would be violated"); rows land in the
 *   default only for days that had no partition when they were written. To give such a day its
 *   partition anyway, move the rows in one transaction: CREATE TABLE x (LIKE mentions INCLUDING
 *   DEFAULTS); WITH m AS (DELETE FROM mentions_default WHERE created_at >= a AND created_at < b
 *   RETURNING *) INSERT INTO x SELECT * FROM m; ALTER TABLE mentions ATTACH PARTITION x FOR VALUES
 *   FROM (a) TO (b).
 * - Creating a partition locks the parent (and scans the default partition), which would stall the
 *   batch writers at midnight; ahead of time it is instant.
 * Retention then drops the days wholly before its cutoff (`DROP TABLE mentions_pYYYYMMDD`, and the
 * same day of mention_topics), deletes the rows before the cutoff from the day that straddles it and
 * from the default partitions, and deletes the mention_keys rows before the cutoff.
 */
export function partitionDdl(table: PartitionedTable, dayStartMs: number): string {
  return `CREATE TABLE IF NOT EXISTS ${partitionName(table, dayStartMs)} PARTITION OF ${table} FOR VALUES FROM (${dayStartMs}) TO (${dayStartMs + DAY_MS})`;
}

function checkDay(table: PartitionedTable, dayStartMs: number): void {
  // The values go into SQL text: only the two table names and whole UTC days are accepted.
  if (table !== 'mentions' && table !== 'mention_topics') throw new RangeError(`not a partitioned table: ${String(table)}`);
  if (!Number.isSafeInteger(dayStartMs) || dayStartMs % DAY_MS !== 0 || dayStartMs < 0) {
    throw new RangeError(`dayStartMs must be the start of a UTC day (a multiple of ${DAY_MS}): ${dayStartMs}`);
  }
}
