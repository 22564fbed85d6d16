import { RESPONSE_MARK_HOURS } from '../../../shared/contracts/incidents.js';
import { responseClock } from '../../../shared/incidents/clock.js';
import { answeredStoriesSeenSince, incidentIdsForStories, incidentsOpenedSince, runningIncidents } from '../../../shared/store/repos/alert-inputs.js';
import { presentStory } from '../../../shared/store/rows.js';
import { analystLink, type Evaluator, type Finding } from './finding.js';

const HOUR = 3_600_000;
const LIMIT = 500;
const LOOKBACK_MS = 10 * 60_000;

/**
 * New rumour incidents: those opened in the last LOOKBACK_MS (incidents_opened index), one finding
 * each, keyed by incident. No cursor: an incident stays "new" for the whole look-back, so a tick
 * that ran with an older rule list, or an incident whose transaction committed late, is seen by
 * the next tick; the open episode per (rule, incident) keeps that to one alert. The finding holds
 * on every tick of the look-back, so the episode cannot end (and raise the incident again) before
 * the incident has left it.
 */
export const evaluateNewIncidents: Evaluator = async ({ db, now }, rules) => {
  const out = new Map<number, Finding[]>();
  if (rules.length === 0) return out;
  const rows = await incidentsOpenedSince(db, now - LOOKBACK_MS, LIMIT);
  const findings = rows.map((r) => ({
    key: `incident:${r.id}`,
    title: `新谣言事件 #${r.id}`,
    body: `疑似谣言：${r.story_text.slice(0, 140)}（评分 ${r.score_at_open.toFixed(2)}）。5 小时内需发布权威信息。`,
    link: `/incidents/${r.id}`,
  }));
  for (const rule of rules) if (findings.length) out.set(rule.id, findings);
  return out;
};

/** Response clocks of running incidents at or near the 5 h / 24 h / 48 h marks: one key per incident, mark and level. */
export const evaluateResponseClocks: Evaluator = async ({ db, now }, rules) => {
  const out = new Map<number, Finding[]>();
  if (rules.length === 0) return out;
  const rows = await runningIncidents(db, LIMIT);
  for (const rule of rules) {
    const c = rule.condition;
    if (c.kind !== 'response_clock') continue;
    const findings: Finding[] = [];
    for (const r of rows) {
      const clock = responseClock(r.opened_at, now, r.closed_at);
      for (const hours of RESPONSE_MARK_HOURS) {
        if (!(c.marks as number[]).includes(hours)) continue;
        const due = r.opened_at + hours * HOUR;
        const passed = now >= due;
        // Only the latest passed mark is overdue-worthy; earlier ones are implied.
        const nextPassed = RESPONSE_MARK_HOURS.some((h) => h > hours && (c.marks as number[]).includes(h) && now >= r.opened_at + h * HOUR);
        if (passed && !nextPassed) {
          findings.push({ key: `incident:${r.id}:${hours}h:overdue`, title: `事件 #${r.id} 已超过 ${hours} 小时响应时限`, body: `事件 #${r.id}（${r.status}）已开启 ${(clock.elapsedMs / HOUR).toFixed(1)} 小时，超过 ${hours} 小时时限。${r.story_text.slice(0, 100)}`, link: `/incidents/${r.id}` });
        } else if (!passed && due - now <= c.warnBeforeMinutes * 60_000) {
          findings.push({ key: `incident:${r.id}:${hours}h:warning`, title: `事件 #${r.id} 距 ${hours} 小时时限不足 ${Math.ceil((due - now) / 60_000)} 分钟`, body: `事件 #${r.id}（${r.status}）将于 ${new Date(due).toISOString()} 到达 ${hours} 小时时限。${r.story_text.slice(0, 100)}`, link: `/incidents/${r.id}` });
        }
      }
    }
    if (findings.length) out.set(rule.id, findings);
  }
  return out;
};

/**
 * Official clarifications that did not work: stories with an official answer whose response rate
 * after it (answerEffect.after.perMinute, the scorer's signals) is still at least `minRatio` × the
 * rate before it. Read from stories seen in the last 6 hours (stories_last_seen), bounded.
 */
export const evaluateIneffectiveAnswers: Evaluator = async ({ db, now }, rules) => {
  const out = new Map<number, Finding[]>();
  if (rules.length === 0) return out;
  const stories = (await answeredStoriesSeenSince(db, now - 6 * HOUR, LIMIT)).map(presentStory);
  const incidentOf = await incidentIdsForStories(
    db,
    stories.map((s) => s.id),
  );
  for (const rule of rules) {
    const c = rule.condition;
    if (c.kind !== 'answer_ineffective') continue;
    const findings: Finding[] = [];
    for (const s of stories) {
      const e = s.answerEffect;
      if (!e || e.after.responses < c.minAfterResponses || e.after.perMinute < c.minRatio * e.before.perMinute) continue;
      const incident = incidentOf.get(s.id);
      findings.push({
        key: `story:${s.id}`,
        title: `辟谣后传播未减：${s.text.slice(0, 30)}`,
        body: `官方回应后每分钟 ${e.after.perMinute} 条（回应前 ${e.before.perMinute} 条），共 ${e.after.responses} 条，传播仍在增长。`,
        link: incident !== undefined ? `/incidents/${incident}` : analystLink({ story: s.id }),
      });
    }
    if (findings.length) out.set(rule.id, findings);
  }
  return out;
};
