import { topicConfigSchema, type TopicConfig } from '../shared/contracts/topics.js';
import { DEFAULT_TOPICS } from '../shared/topics/defaults.js';
import type { Db } from './store/open.js';

/** The topic configuration in force: the admins' saved one, else the shipped defaults. */
export function loadTopics(db: Db): TopicConfig {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'topics'").get() as { value: string } | undefined;
  if (row) {
    const parsed = topicConfigSchema.safeParse(JSON.parse(row.value));
    if (parsed.success) return parsed.data;
  }
  return topicConfigSchema.parse(DEFAULT_TOPICS);
}
