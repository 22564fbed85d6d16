import { topicConfigSchema, type TopicConfig } from '../../shared/contracts/topics.js';
import { readSetting, writeSetting } from '../../shared/store/repos/settings.js';
import type { Executor } from '../../shared/store/store.js';
import { DEFAULT_TOPICS } from '../../shared/topics/defaults.js';

export async function readTopics(db: Executor): Promise<TopicConfig> {
  const value = await readSetting(db, 'topics');
  if (value !== undefined) {
    const parsed = topicConfigSchema.safeParse(JSON.parse(value));
    if (parsed.success) return parsed.data;
  }
  return topicConfigSchema.parse(DEFAULT_TOPICS);
}

export async function saveTopics(db: Executor, cfg: TopicConfig, by: string): Promise<void> {
  await writeSetting(db, 'topics', JSON.stringify(cfg), by, Date.now());
}
