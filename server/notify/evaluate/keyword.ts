import { keywordHitsIn } from '../../../shared/store/repos/keyword-hits.js';
import { mentionByUid } from '../../../shared/store/repos/mentions.js';
import { analystLink, iso, type Evaluator, type Finding } from './finding.js';

/**
 * Keyword watchlists, from the hit counters the workers write with each batch
 * (alert_keyword_hits; matching and scope are theirs, workers/alerts/keyword-watch.ts). A rule
 * holds while its watchlist was hit by a mention created in the last WINDOW_MINUTES; the episode
 * then ends after the rule's cool-down. The alert quotes the most engaged of the sampled hits,
 * read by uid (a handful of primary-key lookups, not a scan).
 *
 * The window is of created_at, like every rollup: a mention stored more than WINDOW_MINUTES after
 * it was written (a backfill, an import, a long outage) counts but raises nothing — alerts are
 * about now.
 */
export const KEYWORD_WINDOW_MINUTES = 5;
const QUOTED_SAMPLES = 10;

export const evaluateKeywords: Evaluator = async ({ db, now }, rules) => {
  const out = new Map<number, Finding[]>();
  const keywordRules = rules.filter((r) => r.condition.kind === 'keyword');
  if (keywordRules.length === 0) return out;
  const to = Math.floor(now / 60_000);
  // One minute ahead: a mention stamped by a slightly fast clock still counts.
  const hits = await keywordHitsIn(
    db,
    keywordRules.map((r) => r.id),
    to - KEYWORD_WINDOW_MINUTES + 1,
    to + 1,
  );
  for (const rule of keywordRules) {
    if (rule.condition.kind !== 'keyword') continue;
    const mine = hits.filter((h) => h.ruleId === rule.id);
    const n = mine.reduce((a, h) => a + h.n, 0);
    if (n === 0) continue;
    const samples = mine
      .slice()
      .reverse()
      .flatMap((h) => h.sampleUids)
      .slice(0, QUOTED_SAMPLES);
    const quoted = (await Promise.all(samples.map((uid) => mentionByUid(db, uid)))).filter((m) => m !== undefined);
    const top = quoted.sort((a, b) => b.engagement - a.engagement)[0];
    const firstKeyword = rule.condition.rules[0]?.all[0] ?? rule.condition.rules[0]?.any[0];
    const earliest = mine[0]!.minute * 60_000;
    out.set(rule.id, [
      {
        key: '*',
        title: `关键词预警「${rule.name}」：最近 ${KEYWORD_WINDOW_MINUTES} 分钟 ${n} 条提及`,
        body: top
          ? `${n} 条提及命中「${rule.name}」。影响最大的一条（${top.author_name ?? '匿名'}，互动 ${top.engagement}）：${top.text.slice(0, 140)}`
          : `${n} 条提及命中「${rule.name}」。`,
        link: analystLink({ q: firstKeyword, topic: rule.scope.topics.length === 1 ? rule.scope.topics[0] : undefined, from: iso(earliest - 60_000) }),
      },
    ]);
  }
  return out;
};
