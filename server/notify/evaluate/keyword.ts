import * as OpenCC from 'opencc-js/t2cn';
import { basicNormalise, compileWatchlist } from '../../../shared/alerts/keyword-match.js';
import { readAlertState, writeAlertState } from '../../../shared/store/repos/alerts.js';
import { mentionsAfter, type AlertMention } from '../../../shared/store/repos/alert-inputs.js';
import type { AlertScope } from '../../../shared/contracts/alerts.js';
import { analystLink, iso, type Evaluator, type Finding } from './finding.js';

/**
 * Keyword watchlists, evaluated on the server by a timer over the mentions stored since a cursor
 * (not in the pipeline: the workers are not ours to change, and the live hub only sees the
 * critical feed, not every mention). Each tick reads mentions by (created_at, uid) after the cursor
 * through the mentions_created index, at most BATCH. Because two batches can commit out of
 * created_at order, each read starts OVERLAP before the watermark and skips the uids already seen
 * there (kept in the state row). A mention whose created_at is older than the watermark minus
 * OVERLAP when it is stored (a backfill, an import) is not watched: alerts are about now.
 */
const STATE_KEY = 'keyword-cursor';
const BATCH = 5000;
const OVERLAP_MS = 60_000;
const MAX_RECENT = 20_000;

interface CursorState {
  at: number;
  recent: Record<string, number>;
  /** Set when the last read was full: continue strictly after it. */
  after?: { at: number; uid: string };
}

let simplify: ((s: string) => string) | undefined;
/** Traditional → simplified like the workers' matcher, so 詐騙 in a text hits a 诈骗 watchlist. */
const normalise = (t: string) => {
  simplify ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return simplify(basicNormalise(t));
};

function inScope(m: AlertMention, s: AlertScope): boolean {
  if (s.platforms.length && !s.platforms.includes(m.platform)) return false;
  if (s.languages.length && !(s.languages as string[]).includes(m.lang)) return false;
  if (s.regions.length && (m.region === null || !s.regions.includes(m.region))) return false;
  if (s.topics.length) {
    let topics: string[] = [];
    try {
      topics = JSON.parse(m.topics) as string[];
    } catch {
      return false;
    }
    if (!topics.some((t) => s.topics.includes(t))) return false;
  }
  return true;
}

export const evaluateKeywords: Evaluator = async ({ db, now }, rules) => {
  const out = new Map<number, Finding[]>();
  const raw = await readAlertState(db, STATE_KEY);
  const state: CursorState = raw ? (JSON.parse(raw) as CursorState) : { at: now - OVERLAP_MS, recent: {} };
  if (rules.length === 0) {
    // Nothing to watch: move on, so a rule created later starts from now rather than scanning history.
    await writeAlertState(db, STATE_KEY, JSON.stringify({ at: Math.max(state.at, now - OVERLAP_MS), recent: {} }), now);
    return out;
  }
  const from = state.after ?? { at: state.at - OVERLAP_MS, uid: '' };
  const rows = await mentionsAfter(db, from, BATCH);
  const fresh = rows.filter((r) => state.recent[r.uid] === undefined);

  const compiled = rules.map((r) => {
    if (r.condition.kind !== 'keyword') throw new Error('not a keyword rule');
    return { rule: r, match: compileWatchlist(r.condition, normalise), firstKeyword: r.condition.rules[0]?.all[0] ?? r.condition.rules[0]?.any[0] };
  });
  for (const { rule, match, firstKeyword } of compiled) {
    const hits = fresh.filter((m) => inScope(m, rule.scope) && match(m.text));
    if (hits.length === 0) continue;
    const top = [...hits].sort((a, b) => b.engagement - a.engagement)[0]!;
    const earliest = hits[0]!.created_at;
    out.set(rule.id, [
      {
        key: '*',
        title: `关键词预警「${rule.name}」：${hits.length} 条新提及`,
        body: `${hits.length} 条新提及命中「${rule.name}」。影响最大的一条（${top.author_name ?? '匿名'}，互动 ${top.engagement}）：${top.text.slice(0, 140)}`,
        link: analystLink({ q: firstKeyword, topic: rule.scope.topics.length === 1 ? rule.scope.topics[0] : undefined, from: iso(earliest - 60_000) }),
      },
    ]);
  }

  const last = rows[rows.length - 1];
  const watermark = Math.max(state.at, last?.created_at ?? state.at);
  const recent: Record<string, number> = {};
  for (const [uid, at] of Object.entries(state.recent)) if (at > watermark - OVERLAP_MS) recent[uid] = at;
  for (const r of rows) if (r.created_at > watermark - OVERLAP_MS) recent[r.uid] = r.created_at;
  const next: CursorState = Object.keys(recent).length > MAX_RECENT ? { at: watermark, recent: {}, after: last ? { at: last.created_at, uid: last.uid } : state.after } : { at: watermark, recent };
  if (rows.length === BATCH && last) next.after = { at: last.created_at, uid: last.uid };
  await writeAlertState(db, STATE_KEY, JSON.stringify(next), now);
  return out;
};
