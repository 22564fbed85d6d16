import { describe, expect, it } from 'vitest';
import { topicConfigSchema } from '../../../shared/contracts/topics.js';
import { DEFAULT_TOPICS } from '../../../shared/topics/defaults.js';
import { normalise } from '../../../workers/nlp/normalise.js';
import { compileTopics } from '../../../workers/nlp/topics.js';
import { TEST_TOPICS } from '../../fixtures/nlp/topic-config.js';

const matcher = compileTopics(topicConfigSchema.parse(TEST_TOPICS));
const topicsOf = (text: string) => matcher.match(normalise(text).own);

describe('compileTopics rule semantics', () => {
  it.each([
    ['any: one keyword is enough', '小心骗子', ['fraud']],
    ['any: English keyword, case-insensitive', 'Another SCAM call', ['fraud']],
    ['all: every keyword needed', '学校周边安全隐患', ['school_safety']],
    ['all: one missing → no match', '学校今天放假', []],
    ['none: vetoes its rule', '学校组织安全演练', []],
    ['none only vetoes its own rule', '学校安全演练中发现校园欺凌', ['school_safety']],
    ['any + all: both needed', '大桥上发生事故', ['bridge_traffic']],
    ['any + all: all missing', '路口发生事故', []],
    ['OR across rules', '暴雨导致内涝', ['flood']],
    ['exclude vetoes the topic whatever rule matched', '洪水猛兽一般的内涝', []],
    ['exclude in English', 'a flood of complaints', []],
    ['several topics, in configuration order', '大桥堵车，网传有骗子', ['fraud', 'bridge_traffic']],
    ['traditional keyword matches simplified text', '这是谣言', ['rumour']],
    ['traditional text matches too (after normalise)', '這是謠言', ['rumour']],
    ['upper-case keyword', 'total hoax', ['rumour']],
    ['no rule matches → []', '今天天气不错', []],
  ])('%s', (_name, text, want) => {
    expect(topicsOf(text)).toEqual(want);
  });

  it('overlapping keywords both count', () => {
    const m = compileTopics(
      topicConfigSchema.parse({
        version: 1,
        topics: [
          { id: 'a', name: { zh: 'a', en: 'a' }, rules: [{ all: ['电信诈骗', '诈骗'] }] },
          { id: 'b', name: { zh: 'b', en: 'b' }, rules: [{ any: ['信诈'] }] },
        ],
      }),
    );
    expect(m.match('电信诈骗')).toEqual(['a', 'b']);
  });
});

describe('DEFAULT_TOPICS', () => {
  const parsed = topicConfigSchema.safeParse(DEFAULT_TOPICS);
  it('is a valid topic configuration', () => {
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  const defaults = compileTopics(topicConfigSchema.parse(DEFAULT_TOPICS));
  it.each([
    ['交警提醒：前方路口发生追尾事故，请绕行', 'traffic'],
    ['Huge traffic jam on the highway after a car crash', 'traffic'],
    ['冒充公检法的电话又来了，大家警惕电信诈骗', 'fraud'],
    ['Beware of a new phone scam', 'fraud'],
    ['昨晚小区发生入室盗窃', 'public_order'],
    ['寻人启事：一位老人在西城区走失', 'missing_persons'],
    ['Missing child last seen near the park', 'missing_persons'],
    ['派出所民警态度很差，报警不处理', 'police_conduct'],
    ['Another case of police brutality caught on bodycam', 'police_conduct'],
    ['暴雨红色预警，注意防范城市内涝', 'weather_disaster'],
    ['学校发生集体食物中毒', 'public_health'],
    ['个人信息泄露后被网暴', 'cybercrime'],
    ['警方破获一起贩毒案，缴获冰毒', 'drugs'],
    ['网传消息不实，官方已辟谣', 'rumour'],
    ['为民警点赞，警察叔叔辛苦了', 'praise'],
    ['Thanks to the officers who helped, heroes', 'praise'],
  ])('%s → %s', (text, topic) => {
    expect(defaults.match(normalise(text).own)).toContain(topic);
  });

  it.each([
    ['我在交通银行办业务', 'traffic'],
    ['这下可有大麻烦了', 'drugs'],
    ['头脑风暴后下起了暴雨', 'weather_disaster'],
    ['电脑中了病毒', 'public_health'],
  ])('%s is not %s', (text, topic) => {
    expect(defaults.match(normalise(text).own)).not.toContain(topic);
  });
});
