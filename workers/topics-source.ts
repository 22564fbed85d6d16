import { topicConfigSchema, type TopicConfig } from '../shared/contracts/topics.js';
import { DEFAULT_TOPICS } from '../shared/topics/defaults.js';
import { readSetting } from '../shared/store/repos/settings.js';
import type { Executor } from '../shared/store/store.js';

/** The topic configuration in force: the admins' saved one, else the shipped defaults. */
export async function loadTopics(db: Executor): Promise<TopicConfig> {
  const value = await readSetting(db, 'topics');
  if (value !== undefined) {
    const parsed = topicConfigSchema.safeParse(JSON.parse(value));
    if (parsed.success) return parsed.data;
  }
  return topicConfigSchema.parse(DEFAULT_TOPICS);
}
