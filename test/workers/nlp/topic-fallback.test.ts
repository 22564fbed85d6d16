import { describe, expect, it } from 'vitest';
import { topicConfigSchema } from '../../../shared/contracts/topics.js';
import { DEFAULT_TOPICS } from '../../../shared/topics/defaults.js';
import { createTagger } from '../../../workers/nlp/tagger.js';
import { mention, tagText } from './helpers.js';

// No default keyword occurs in these texts (the first test checks that), so only the learned fallback can tag them.
const CONFIDENT = { text: '医院里都是发烧咳嗽的病人，口罩也买不到', topic: 'public_health' };
const NOTHING = '今天天气不错，去公园散步了';

describe('learned topic fallback', () => {
  it('proposes a configured topic for a text no rule catches', () => {
    const rulesOnly = createTagger({ models: { sentimentZh: null, sentimentEn: null, emotionZh: null, emotionEn: null, stanceEn: null, stanceZh: null, criticalZh: null, criticalEn: null, topicsZh: null, topicsEn: null } });
    expect(rulesOnly.tag(mention(CONFIDENT.text)).topics).toEqual([]);
    expect(tagText(CONFIDENT.text).topics).toEqual([CONFIDENT.topic]);
  });

  it('stays quiet on everyday text', () => {
    expect(tagText(NOTHING).topics).toEqual([]);
    expect(tagText('I love this song').topics).toEqual([]);
  });

  it('never proposes a topic the current configuration does not have', () => {
    const tagger = createTagger();
    const cfg = topicConfigSchema.parse(DEFAULT_TOPICS);
    tagger.setTopics({ ...cfg, topics: cfg.topics.filter((t) => t.id !== CONFIDENT.topic) });
    expect(tagger.tag(mention(CONFIDENT.text)).topics).toEqual([]);
  });

  it('does not run when a rule matched', () => {
    expect(tagText('警察同志辛苦了，为你们点赞').topics).toEqual(['praise']);
  });
});
