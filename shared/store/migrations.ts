import { indexedTerms } from './terms.js';
import { ACCOUNTS_MIGRATION } from './migrations-accounts.js';
import { ALERTS_MIGRATION } from './migrations-alerts.js';
import { ALERT_DELIVERY_MIGRATION } from './migrations-alert-delivery.js';
import { REPORT_DELIVERY_MIGRATION } from './migrations-report-delivery.js';

/**
 * The store's schema, as ordered migrations. Times are ms since the epoch (UTC); `minute` is
 * floor(created_at / 60000). Pure data plus a runner over a minimal interface, so the server
 * (read side + incident commands) and the workers (write side) apply the same schema.
 */
export interface Migration {
  id: number;
  name: string;
  sql: string;
  /** Fills what SQL alone cannot (data derived by our own code), in the same transaction, after `sql`. */
  backfill?: (db: MigratableDb) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'mentions, aggregates, stories, topics config',
    sql: `
CREATE TABLE mentions (
  uid TEXT PRIMARY KEY,
  id TEXT NOT NULL,
  platform TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_at_iso TEXT NOT NULL,
  parent_uid TEXT,
  root_uid TEXT,
  thread_uid TEXT NOT NULL,
  author_id TEXT,
  author_name TEXT,
  author_verified INTEGER NOT NULL DEFAULT 0,
  author_official INTEGER NOT NULL DEFAULT 0,
  followers INTEGER NOT NULL DEFAULT 0,
  reposts INTEGER NOT NULL DEFAULT 0,
  comments INTEGER NOT NULL DEFAULT 0,
  likes INTEGER NOT NULL DEFAULT 0,
  engagement INTEGER NOT NULL DEFAULT 0,
  region TEXT,
  url TEXT,
  lang TEXT NOT NULL,
  sentiment TEXT NOT NULL,
  sentiment_score REAL NOT NULL,
  emotion TEXT NOT NULL,
  critical INTEGER NOT NULL,
  stance TEXT NOT NULL,
  topics TEXT NOT NULL,
  story_id TEXT,
  source TEXT NOT NULL,
  ingested_at INTEGER NOT NULL
);
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

CREATE TABLE mention_topics (
  topic TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  uid TEXT NOT NULL,
  PRIMARY KEY (topic, created_at, uid)
) WITHOUT ROWID;

-- Per-minute counters by dimension (sentiment, critical, topic, emotion, stance, lang, platform, all).
CREATE TABLE agg_minute (
  minute INTEGER NOT NULL,
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (minute, dim, key)
) WITHOUT ROWID;

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  root_uid TEXT,
  text TEXT NOT NULL,
  hash TEXT,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  posts INTEGER NOT NULL DEFAULT 0,
  replies INTEGER NOT NULL DEFAULT 0,
  supports INTEGER NOT NULL DEFAULT 0,
  queries INTEGER NOT NULL DEFAULT 0,
  denies INTEGER NOT NULL DEFAULT 0,
  reach INTEGER NOT NULL DEFAULT 0,
  official_replied INTEGER NOT NULL DEFAULT 0,
  -- The story's first post is an official account's own statement (a clarification is not a rumour).
  root_official INTEGER NOT NULL DEFAULT 0,
  rumour_score REAL NOT NULL DEFAULT 0,
  candidate INTEGER NOT NULL DEFAULT 0,
  -- The scorer's running state and its last explanation (JSON), owned by workers/rumour/.
  signals TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX stories_last_seen ON stories (last_seen);
CREATE INDEX stories_candidate ON stories (candidate, rumour_score) WHERE candidate = 1;

CREATE TABLE story_roots (root_uid TEXT PRIMARY KEY, story_id TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE story_bands (band TEXT NOT NULL, story_id TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (band, story_id)) WITHOUT ROWID;

-- Items that reached a worker but can never be stored (bad payloads), kept for inspection.
CREATE TABLE rejected_items (
  job_id TEXT NOT NULL,
  item_index INTEGER NOT NULL,
  error TEXT NOT NULL,
  payload TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (job_id, item_index)
);

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT);
`,
  },
  {
    id: 2,
    name: 'rumour incidents and their history',
    sql: `
-- One incident per story (story_id UNIQUE): the worker opens it with INSERT OR IGNORE inside the batch
-- transaction, so a redelivered batch or a second worker can never open a duplicate.
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  story_id TEXT NOT NULL UNIQUE,
  -- First detection: the response clock (5 h / 24 h / 48 h) runs from here.
  opened_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'verifying', 'clarified', 'watching', 'dismissed')),
  status_note TEXT,
  assignee TEXT,
  acknowledged_at INTEGER,
  acknowledged_by TEXT,
  clarification_uid TEXT,
  -- An earlier clarified or dismissed incident about the same hoax (known rumour), and how alike they are.
  known_incident_id INTEGER REFERENCES incidents (id),
  known_similarity REAL,
  score_at_open REAL NOT NULL,
  -- The scorer's explanation when the incident opened (JSON, or NULL when it gave none).
  reasons_at_open TEXT,
  -- The story's representative text when it opened; what later stories are matched against.
  story_text TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  -- Set while the status is clarified or dismissed: the response clock stops there.
  closed_at INTEGER
);
CREATE INDEX incidents_status ON incidents (status, opened_at);
CREATE INDEX incidents_opened ON incidents (opened_at);
CREATE INDEX incidents_closed ON incidents (closed_at) WHERE closed_at IS NOT NULL;

-- Every change, with who and when. AUTOINCREMENT ids grow in commit order, so the live hub can
-- pick up changes from any process by remembering the last id it saw (no clocks compared).
CREATE TABLE incident_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  from_value TEXT,
  to_value TEXT,
  note TEXT
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
-- review queue. Mentions stored before tags carried confidence count as certain.
ALTER TABLE mentions ADD COLUMN tag_confidence TEXT;
ALTER TABLE mentions ADD COLUMN certainty REAL NOT NULL DEFAULT 1;
-- Set once an analyst corrected or confirmed the mention's tags: it leaves the review queue.
ALTER TABLE mentions ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX mentions_review ON mentions (reviewed, certainty, engagement);

-- Every verdict an analyst gave on one tag of one mention: a correction (old differs from new) or a
-- confirmation (the same). Values are JSON. The tagger's confidence at the time is kept so that the
-- agreement page can show how often confident and uncertain tags were right.
CREATE TABLE tag_reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uid TEXT NOT NULL,
  tag TEXT NOT NULL CHECK (tag IN ('sentiment', 'emotion', 'critical', 'stance', 'topics')),
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL,
  agreed INTEGER NOT NULL,
  confidence REAL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
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
-- maintained in the same transactions as agg_minute, so a long range reads a few hundred rows.
CREATE TABLE agg_hour (
  hour INTEGER NOT NULL,
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (hour, dim, key)
) WITHOUT ROWID;
CREATE TABLE agg_day (
  day INTEGER NOT NULL,
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (day, dim, key)
) WITHOUT ROWID;
INSERT INTO agg_hour (hour, dim, key, n) SELECT minute / 60, dim, key, SUM(n) FROM agg_minute GROUP BY minute / 60, dim, key;
INSERT INTO agg_day (day, dim, key, n) SELECT minute / 1440, dim, key, SUM(n) FROM agg_minute GROUP BY minute / 1440, dim, key;

-- Keyword index: each mention's indexedTerms(text) (shared/store/terms.ts) under its rowid.
-- Contentless (the text is in mentions already); contentless_delete lets retention delete rows.
CREATE VIRTUAL TABLE mention_fts USING fts5 (terms, content='', contentless_delete=1, tokenize='unicode61');
`,
    backfill(db) {
      const add = db.prepare('INSERT INTO mention_fts (rowid, terms) VALUES (?, ?)');
      for (const r of db.prepare('SELECT rowid, text FROM mentions').iterate() as Iterable<{ rowid: number; text: string }>) {
        const terms = indexedTerms(r.text);
        if (terms) add.run(r.rowid, terms);
      }
    },
  },
  {
    id: 5,
    name: 'read-side indexes: critical by hour and engagement, story size, incident events by time',
    sql: `
-- The day's most-engaged critical mentions: per UTC hour, the top of this partial index walked in
-- engagement order (LIMIT, early stop), then the best of the 24 hours' tops; the day's mentions
-- themselves are never read (repos/mentions.ts topCritical).
CREATE INDEX mentions_critical_hour ON mentions (created_at / 3600000, engagement, created_at, uid) WHERE critical = 1;
-- The leading stories: walked largest first (LIMIT), filtered to those seen in the day.
CREATE INDEX stories_size ON stories ((posts + replies), last_seen);
-- The live incident feed polls by commit time with a safety window (server/live/incident-feed.ts).
CREATE INDEX incident_events_at ON incident_events (at, id);
`,
  },
  ACCOUNTS_MIGRATION,
  {
    id: 20,
    name: 'report archive',
    sql: `
-- Generated daily and weekly report files, readable by leaders. schedule_key is set on the files the
-- scheduler makes ('day:2026-01-05:zh:pdf') and UNIQUE: of several servers generating the same period
-- at the daily time, one insert wins (ON CONFLICT DO NOTHING) and only that server hands the file on
-- for delivery. Files asked for by hand leave it NULL (NULLs never conflict).
CREATE TABLE reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('day', 'week')),
  period TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
  format TEXT NOT NULL CHECK (format IN ('docx', 'pdf')),
  bytes BLOB NOT NULL,
  size INTEGER NOT NULL,
  origin TEXT NOT NULL,
  schedule_key TEXT UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE INDEX reports_created ON reports (created_at);
CREATE INDEX reports_period ON reports (kind, period);
`,
  },
  REPORT_DELIVERY_MIGRATION,
  ALERTS_MIGRATION,
  ALERT_DELIVERY_MIGRATION,
];

/** The few calls the runner needs; better-sqlite3's Database satisfies it. */
export interface MigratableDb {
  exec(sql: string): unknown;
  prepare(sql: string): { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown; iterate(...params: unknown[]): Iterable<unknown> };
}

/**
 * Applies the migrations not yet applied. Each runs in its own IMMEDIATE transaction, so the server
 * and several workers starting at once cannot apply one twice.
 */
export function migrate(db: MigratableDb): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  let applied = 0;
  for (const m of MIGRATIONS) {
    db.exec('BEGIN IMMEDIATE');
    try {
      if (!db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?').get(m.id)) {
        db.exec(m.sql);
        m.backfill?.(db);
        db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, Date.now());
        applied++;
      }
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
  return applied;
}
