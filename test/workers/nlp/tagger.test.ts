import { describe, expect, it } from 'vitest';
import { tagsSchema } from '../../../shared/contracts/tags.js';
import { topicConfigSchema } from '../../../shared/contracts/topics.js';
import { createTagger } from '../../../workers/nlp/tagger.js';
import { mention, sharedTagger, tagText } from './helpers.js';

describe('tagger', () => {
  it('produces contract-valid tags and the normalised text', () => {
    const { normalised, ...tags } = tagText('派出所民警态度恶劣，报警半天没人管[怒] #江城#');
    expect(tagsSchema.safeParse(tags).success).toBe(true);
    expect(tags).toMatchObject({ lang: 'zh', critical: true, emotion: 'anger', stance: 'support' });
    expect(tags.sentiment.label).toBe('negative');
    expect(tags.topics).toContain('police_conduct');
    expect(normalised.hashtags).toEqual(['江城']);
  });

  it('does not tag an official account\'s own notice as criticism of the authorities', () => {
    const notice = '【酒驾整治】凌晨两点多，江城交警查处酒驾2起、醉驾2起，警方提醒：喝酒不开车';
    const complaint = '江城交警查酒驾就知道罚款，态度恶劣，乱作为';
    expect(tagText(complaint).critical).toBe(true);
    expect(tagText(complaint, { author: { id: 'jcjj', official: true, verified: true } }).critical).toBe(false);
    expect(tagText(notice, { author: { id: 'jcjj', official: true, verified: true } }).critical).toBe(false);
  });

  it('is deterministic', () => {
    const texts = ['真的假的？', 'Thanks officers!', '网传东湖区有人抢孩子 //@甲: 转发', '辛苦了[微笑]'];
    const a = texts.map((t) => JSON.stringify(sharedTagger().tag(mention(t, { kind: 'reply', rootId: 'r' }))));
    const b = texts.map((t) => JSON.stringify(createTagger().tag(mention(t, { kind: 'reply', rootId: 'r' }))));
    expect(b).toEqual(a);
  });

  it('honours mention.lang', () => {
    expect(tagText('ok 好', { lang: 'en-US' }).lang).toBe('en');
    expect(tagText('hello world').lang).toBe('en');
    expect(tagText('Hello 你好', { lang: 'zh-Hant' }).lang).toBe('zh');
  });

  it('reads the forwarded text of a plain forward for tone and topics, but not for stance', () => {
    const t = tagText('转发微博 //@甲: 城管暴力执法，太恶心了', { kind: 'repost', rootId: 'r' });
    expect(t.sentiment.label).toBe('negative');
    expect(t.critical).toBe(true);
    expect(t.topics).toContain('police_conduct');
    expect(t.stance).toBe('comment');
  });

  it('reads the latest quoted words of a forward whose original has none', () => {
    const t = tagText('//@甲: 城管暴力执法，太恶心了 //@乙: ', { kind: 'repost', rootId: 'r' });
    expect(t.sentiment.label).toBe('negative');
    expect(t.critical).toBe(true);
    const empty = tagText('//@甲:  //@乙: ', { kind: 'repost', rootId: 'r' });
    expect(empty.sentiment.label).toBe('neutral');
    expect(empty.critical).toBe(false);
  });

  it('labels a post without words neutral, whatever lean its score keeps', () => {
    for (const text of ['@张三 @李四', 'http://t.cn/abc', '']) {
      const t = tagText(text);
      expect(t.sentiment.label).toBe('neutral');
      expect(Math.abs(t.sentiment.score)).toBeLessThan(0.5);
      expect(t.emotion).toBe('none');
    }
    expect(tagText('[哈哈]').sentiment.label).toBe('positive');
  });

  it('matches topics in the quoted chain and hashtags too', () => {
    expect(tagText('太可怕了 //@甲: 小心电信诈骗').topics).toContain('fraud');
    expect(tagText('注意 #反诈#').topics).toContain('fraud');
  });

  it('uses replaced topics after setTopics', () => {
    const tagger = createTagger();
    tagger.setTopics(
      topicConfigSchema.parse({ version: 1, topics: [{ id: 'bridge', name: { zh: '桥', en: 'Bridge' }, rules: [{ any: ['大桥'] }] }] }),
    );
    expect(tagger.tag(mention('大桥诈骗')).topics).toEqual(['bridge']);
  });
});

describe('places of the jurisdiction', () => {
  const tagger = createTagger({
    topics: topicConfigSchema.parse({ version: 1, places: ['东湖区', '西城区', 'Riverside'], topics: [] }),
  });
  it.each([
    ['网传东湖区有人抢孩子', '东湖区'],
    ['寻人：老人在西城区走失，东湖区也在找', '西城区'],
    ['//@甲: 東湖區又堵了', '东湖区'],
    ['Flooding in riverside tonight', 'Riverside'],
    ['今天天气不错', undefined],
  ])('%s → %s', (text, place) => {
    expect(tagger.placeOf(tagger.tag(mention(text)).normalised)).toBe(place);
  });
  it('names nothing without a places list', () => {
    expect(sharedTagger().placeOf(sharedTagger().tag(mention('网传东湖区有人抢孩子')).normalised)).toBeUndefined();
  });
});
