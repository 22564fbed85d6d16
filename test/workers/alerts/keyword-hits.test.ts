import { describe, expect, it } from 'vitest';
import { alertRuleInputSchema, type AlertRuleInput } from '../../../shared/contracts/alerts.js';
import { insertAlertRule, updateAlertRule } from '../../../shared/store/repos/alerts.js';
import { keywordHitsIn, KEYWORD_SAMPLE_MAX } from '../../../shared/store/repos/keyword-hits.js';
import type { Store } from '../../../shared/store/store.js';
import { createKeywordWatch, keywordRulesReloader, loadKeywordRules } from '../../../workers/alerts/keyword-watch.js';
import { createTagger } from '../../../workers/nlp/tagger.js';
import { createBatchProcessor } from '../../../workers/pipeline/process-batch.js';
import { BACKENDS, testStores } from '../../support/stores.js';

/**
 * Keyword watchlists matched in the pipeline: the batch writer counts each newly stored mention's
 * hits per rule and minute in its own transaction, so the evaluator never reads mentions. Real
 * tagger, real batch writer, both store backends.
 */
const tagger = createTagger();
const T = Date.UTC(2026, 2, 9, 2, 30, 0);
const MINUTE = Math.floor(T / 60_000);
const job = (mentions: unknown[]) => ({ v: 1, source: 'api', receivedAt: new Date(T).toISOString(), mentions });
const post = (id: string, text: string, extra: Record<string, unknown> = {}) => ({ id, platform: 'weibo', kind: 'post', text, createdAt: new Date(T + 5_000).toISOString(), ...extra });

async function addRule(store: Store, input: AlertRuleInput): Promise<number> {
  const cfg = alertRuleInputSchema.parse(input);
  return store.write((tx) => insertAlertRule(tx, JSON.stringify(cfg), cfg.enabled, T, 'test'));
}

describe.each(BACKENDS)('keyword alert hits in the batch write (%s)', (backend) => {
  const t = testStores(backend);
  const processorWith = async () => {
    const keywords = createKeywordWatch(await loadKeywordRules(t.store.db));
    return { keywords, run: createBatchProcessor({ store: t.store, tagger, publish: async () => undefined, warn: () => undefined, keywords, now: () => T }) };
  };
  const hitsOf = async (ruleId: number) => keywordHitsIn(t.store.db, [ruleId], MINUTE - 10, MINUTE + 10);
  const countOf = async (ruleId: number) => (await hitsOf(ruleId)).reduce((a, h) => a + h.n, 0);

  it('matches AND / OR / NOT and exclusions in Chinese (traditional too) and English, once per stored mention', async () => {
    const zh = await addRule(t.store, {
      name: '投毒或袭警',
      condition: { kind: 'keyword', rules: [{ all: ['投毒', '自来水'] }, { any: ['袭警'], none: ['演习'] }], exclude: ['辟谣'] },
    });
    const en = await addRule(t.store, {
      name: 'assault on police',
      condition: { kind: 'keyword', rules: [{ any: ['assault*', 'attack'], all: ['police'], none: ['drill'] }] },
    });
    const { run } = await processorWith();
    const batch = [
      post('z1', '网传东湖区自来水被投毒了'), // AND: both
      post('z2', '投毒案告破'), // AND: only one of the two
      post('z3', '地铁站有人袭警，民警受伤'), // OR rule
      post('z4', '袭警演习今天在广场举行'), // NOT
      post('z5', '自來水被投毒？'), // traditional → simplified
      post('z6', '自来水投毒是谣言，警方已辟谣'), // excluded
      post('e1', 'Man assaulted a police officer downtown', { platform: 'twitter' }), // prefix + AND
      post('e2', 'Police attack drill at the station today', { platform: 'twitter' }), // NOT
      post('e3', 'An ATTACK on the police station last night', { platform: 'twitter' }), // case
      post('e4', 'Assaults are rising, says report', { platform: 'twitter' }), // AND: no "police"
    ];
    expect((await run('job-1', job(batch))).stored).toBe(10);
    expect(await countOf(zh)).toBe(3);
    expect(await countOf(en)).toBe(2);
    const [row] = await hitsOf(zh);
    expect(row?.minute).toBe(MINUTE);
    expect(new Set(row?.sampleUids)).toEqual(new Set(['weibo:z1', 'weibo:z3', 'weibo:z5']));
    expect(new Set((await hitsOf(en))[0]?.sampleUids)).toEqual(new Set(['twitter:e1', 'twitter:e3']));

    // The same job again (a retry, a redelivery) and a batch overlapping it add only the new mention.
    expect((await run('job-1', job(batch))).stored).toBe(0);
    expect(await countOf(zh)).toBe(3);
    await run('job-2', job([...batch.slice(0, 3), post('z7', '又一起袭警事件')]));
    expect(await countOf(zh)).toBe(4);
    expect(await countOf(en)).toBe(2);
    // Nothing else counted anywhere.
    expect(await t.count('SELECT SUM(n) AS n FROM alert_keyword_hits')).toBe(6);
  });

  it('applies the scope (platforms, languages, regions, topics) at match time', async () => {
    const scoped = await addRule(t.store, {
      name: 'scoped',
      scope: { platforms: ['weibo'], regions: ['东湖区'], languages: ['zh'] },
      condition: { kind: 'keyword', rules: [{ any: ['积水', 'flooding'] }] },
    });
    const topical = await addRule(t.store, {
      name: 'topic only',
      scope: { topics: ['no-such-topic'] },
      condition: { kind: 'keyword', rules: [{ any: ['积水'] }] },
    });
    const { run } = await processorWith();
    await run('job-s', job([
      post('s1', '东湖区解放大道积水严重', { region: '东湖区' }), // in scope
      post('s2', '西城区积水严重', { region: '西城区' }), // other region
      post('s3', '积水严重', { region: '东湖区', platform: 'twitter' }), // other platform
      post('s4', 'flooding on the main road', { region: '东湖区' }), // other language
      post('s5', '积水严重'), // no region
    ]));
    expect(await countOf(scoped)).toBe(1);
    expect((await hitsOf(scoped))[0]?.sampleUids).toEqual(['weibo:s1']);
    expect(await countOf(topical)).toBe(0);
  });

  it('keeps a bounded sample of uids however many mentions hit', async () => {
    const rule = await addRule(t.store, { name: 'many', condition: { kind: 'keyword', rules: [{ any: ['诈骗'] }] } });
    const { run } = await processorWith();
    for (let b = 0; b < 4; b++) await run(`job-m${b}`, job(Array.from({ length: 6 }, (_, i) => post(`m${b}-${i}`, `接到诈骗电话 ${b}-${i}`))));
    const [row] = await hitsOf(rule);
    expect(row?.n).toBe(24);
    expect(row!.sampleUids.length).toBeGreaterThanOrEqual(KEYWORD_SAMPLE_MAX);
    expect(row!.sampleUids.length).toBeLessThan(2 * KEYWORD_SAMPLE_MAX);
  });

  it('follows rule changes: a disabled or deleted rule stops counting, a new one starts', async () => {
    const rule = await addRule(t.store, { name: 'old', condition: { kind: 'keyword', rules: [{ any: ['抢劫'] }] } });
    const { run, keywords } = await processorWith();
    const reload = keywordRulesReloader(t.store.db, keywords, (err) => {
      throw err;
    });
    await run('job-r1', job([post('r1', '昨晚发生抢劫')]));
    expect(await countOf(rule)).toBe(1);
    const cfg = alertRuleInputSchema.parse({ name: 'old', enabled: false, condition: { kind: 'keyword', rules: [{ any: ['抢劫'] }] } });
    await t.store.write((tx) => updateAlertRule(tx, rule, { config: JSON.stringify(cfg), enabled: false, at: T, by: 'test' }));
    const fresh = await addRule(t.store, { name: 'new', condition: { kind: 'keyword', rules: [{ any: ['抢劫'] }] } });
    await reload();
    expect(keywords.ruleCount()).toBe(1);
    await run('job-r2', job([post('r2', '又一起抢劫')]));
    expect(await countOf(rule)).toBe(1);
    expect(await countOf(fresh)).toBe(1);
  });
});
