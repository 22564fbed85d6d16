import { topicConfigSchema, type TopicConfig } from '../../shared/contracts/topics.js';
import { DEFAULT_TOPICS } from '../../shared/topics/defaults.js';
import type { Db } from './open.js';

export function readTopics(db: Db): TopicConfig {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'topics'").get() as { value: string } | undefined;
  if (row) {
    const parsed = topicConfigSchema.safeParse(JSON.parse(row.value));
    if (parsed.success) return parsed.data;
  }
  return topicConfigSchema.parse(DEFAULT_TOPICS);
}

export function saveTopics(db: Db, cfg: TopicConfig, by: string): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('topics', ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(JSON.stringify(cfg), Date.now(), by);
}
