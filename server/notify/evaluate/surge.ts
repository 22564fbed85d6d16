import { baselineRanges, shareSurge, volumeSurge } from '../../../shared/alerts/surge-test.js';
import { aggregateSums } from '../../../shared/store/repos/alert-inputs.js';
import type { Rule } from '../rules.js';
import { analystLink, iso, type Evaluator, type Finding } from './finding.js';

/**
 * Volume and share surges from the per-minute aggregates only (never the raw mentions): for each
 * scoped series, the window now and the same window 1–4 weeks ago (an hour-of-week baseline; the
 * test and why: shared/alerts/surge-test.ts). Scope picks the series: each topic, else each
 * platform, else each language, else the whole feed. agg_minute has no region dimension and no
 * topic × sentiment cross, so regions do not narrow a surge and share surges are of the whole feed.
 */
function seriesOf(rule: Rule): { dim: string; key: string; label: string; filter: Record<string, string> }[] {
  const s = rule.scope;
  if (s.topics.length) return s.topics.map((t) => ({ dim: 'topic', key: t, label: `话题 ${t}`, filter: { topic: t } }));
  if (s.platforms.length) return s.platforms.map((p) => ({ dim: 'platform', key: p, label: `平台 ${p}`, filter: { platform: p } }));
  if (s.languages.length) return s.languages.map((l) => ({ dim: 'lang', key: l, label: `语言 ${l}`, filter: {} }));
  return [{ dim: 'all', key: '*', label: '全部信息', filter: {} }];
}

export const evaluateSurges: Evaluator = async ({ db, now }, rules) => {
  const out = new Map<number, Finding[]>();
  for (const rule of rules) {
    const c = rule.condition;
    if (c.kind !== 'surge') continue;
    const { current, past } = baselineRanges(now, c.windowMinutes);
    const findings: Finding[] = [];
    for (const s of seriesOf(rule)) {
      const [observed = 0, ...pastCounts] = await aggregateSums(db, s.dim, s.key, [current, ...past]);
      const v = volumeSurge(observed, pastCounts, c);
      if (!v.surge) continue;
      findings.push({
        key: `${s.dim}:${s.key}`,
        title: `声量激增：${s.label}，${c.windowMinutes} 分钟 ${observed} 条`,
        body: `${s.label} 最近 ${c.windowMinutes} 分钟 ${observed} 条，过去 4 周同一时段平均 ${v.expected.toFixed(1)} 条（${(observed / v.expected).toFixed(1)} 倍，泊松尾概率 p=${v.p.toExponential(1)}）。`,
        link: analystLink({ ...s.filter, from: iso(current.from * 60_000), to: iso(current.to * 60_000) }),
      });
    }
    if (findings.length) out.set(rule.id, findings);
  }
  return out;
};

export const evaluateShareSurges: Evaluator = async ({ db, now }, rules) => {
  const out = new Map<number, Finding[]>();
  for (const rule of rules) {
    const c = rule.condition;
    if (c.kind !== 'share_surge') continue;
    const { current, past } = baselineRanges(now, c.windowMinutes);
    const [dim, key] = c.share === 'negative' ? ['sentiment', 'negative'] : ['critical', '1'];
    const [hits = 0, ...pastHits] = await aggregateSums(db, dim, key, [current, ...past]);
    const [total = 0, ...pastTotals] = await aggregateSums(db, 'all', '*', [current, ...past]);
    const v = shareSurge(hits, total, pastHits.reduce((a, b) => a + b, 0), pastTotals.reduce((a, b) => a + b, 0), c);
    if (!v.surge) continue;
    const what = c.share === 'negative' ? '负面' : '严重';
    out.set(rule.id, [
      {
        key: `share:${c.share}`,
        title: `${what}占比上升：${Math.round(v.share * 100)}%（基线 ${Math.round(v.baselineShare * 100)}%）`,
        body: `最近 ${c.windowMinutes} 分钟 ${total} 条中${what} ${hits} 条（${Math.round(v.share * 100)}%），过去 4 周同一时段为 ${Math.round(v.baselineShare * 100)}%（二项尾概率 p=${v.p.toExponential(1)}）。`,
        link: analystLink({ ...(c.share === 'negative' ? { sentiment: 'negative' } : { critical: '1' }), from: iso(current.from * 60_000), to: iso(current.to * 60_000) }),
      },
    ]);
  }
  return out;
};
