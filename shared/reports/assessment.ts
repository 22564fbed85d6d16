import type { Report, ReportComment, ReportLang, ReportRumour, ReportTotals } from '../contracts/reports.js';
import { STATUS_NAMES, formatCount, formatDuration, periodName, quote } from './wording.js';

/**
 * The report's short written assessment (3–6 sentences), from its numbers alone. It states counts,
 * shares and their changes and what officers did; it never says why something changed, because
 * nothing in the numbers says so. Pure: the same report always reads the same.
 */
export function writeAssessment(report: Report, lang: ReportLang): string[] {
  const w = lang === 'zh' ? ZH : EN;
  const out = [w.volume(report)];
  if (report.totals.total.n > 0) {
    out.push(w.shares(report.totals, report.previous));
    const leading = w.leading(report);
    if (leading) out.push(leading);
  }
  out.push(w.rumours(report.rumours));
  out.push(w.critical(report.critical));
  return out;
}

interface Wording {
  volume(r: Report): string;
  shares(t: ReportTotals, prev: ReportTotals | null): string;
  leading(r: Report): string | null;
  rumours(rs: ReportRumour[]): string;
  critical(cs: ReportComment[]): string;
}

/** Share of the total in per cent, one decimal; 0 when there is no total. */
const share = (part: number, whole: number) => (whole === 0 ? 0 : (part / whole) * 100);
const pct = (x: number) => x.toFixed(1);
/** Percentage-point change, with a sign word chosen by the caller. */
const ppChange = (now: number, before: number) => Math.round((now - before) * 10) / 10;

function relativeChange(now: number, before: number): number | null {
  return before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10;
}

const shorten = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

function effectZh(r: ReportRumour): string {
  if (!r.effect) return r.clarifiedAt ? '尚无足够数据判断辟谣效果' : '尚未发布官方回应';
  const { beforePerMinute: b, afterPerMinute: a } = r.effect;
  return `官方回应后回应速度由每分钟 ${b} 条${a < b ? '降至' : a > b ? '升至' : '持平于'} ${a} 条（${r.effect.worked ? '辟谣见效' : '辟谣未见效'}）`;
}

function effectEn(r: ReportRumour): string {
  if (!r.effect) return r.clarifiedAt ? 'too little data yet to judge the clarification' : 'no official answer yet';
  const { beforePerMinute: b, afterPerMinute: a } = r.effect;
  const verb = a < b ? 'fell' : a > b ? 'rose' : 'stayed';
  return `responses ${verb} from ${b} to ${a} per minute after the official answer (${r.effect.worked ? 'the clarification worked' : 'the clarification did not slow it'})`;
}

function responseZh(r: ReportRumour): string {
  if (r.firstResponseMinutes === null) {
    const passed = r.marks.filter((m) => m.met === false).map((m) => m.hours);
    return passed.length ? `尚未响应，已超过 ${passed[passed.length - 1]} 小时节点` : '尚未响应';
  }
  const within = r.marks.find((m) => m.met === true);
  return `首次响应用时 ${formatDuration(r.firstResponseMinutes, 'zh')}${within ? `（${within.hours} 小时内）` : '（超过 48 小时）'}`;
}

function responseEn(r: ReportRumour): string {
  if (r.firstResponseMinutes === null) {
    const passed = r.marks.filter((m) => m.met === false).map((m) => m.hours);
    return passed.length ? `no response yet, past the ${passed[passed.length - 1]} h mark` : 'no response yet';
  }
  const within = r.marks.find((m) => m.met === true);
  return `first response after ${formatDuration(r.firstResponseMinutes, 'en')}${within ? ` (within ${within.hours} h)` : ' (after 48 h)'}`;
}

const ZH: Wording = {
  volume(r) {
    const p = periodName(r.period, 'zh');
    const n = r.totals.total.n;
    const prevName = r.period.kind === 'day' ? '前一日' : '上周';
    if (n === 0 && (!r.previous || r.previous.total.n === 0)) return `${p}未监测到相关信息。`;
    const head = n === 0 ? `${p}未监测到相关信息` : `${p}共监测到相关信息 ${formatCount(n, 'zh')} 条`;
    if (!r.previous) return `${head}（此前无数据，无法比较）。`;
    const before = r.previous.total.n;
    const change = relativeChange(n, before);
    if (change === null) return `${head}，${prevName}为 0 条。`;
    if (change === 0) return `${head}，与${prevName}持平（${formatCount(before, 'zh')} 条）。`;
    return `${head}，较${prevName}（${formatCount(before, 'zh')} 条）${change > 0 ? '增加' : '减少'} ${pct(Math.abs(change))}%。`;
  },
  shares(t, prev) {
    const part = (k: 'negative' | 'critical') => {
      const s = share(t[k].n, t.total.n);
      let text = `${formatCount(t[k].n, 'zh')} 条，占 ${pct(s)}%`;
      if (prev && prev.total.n > 0) {
        const d = ppChange(s, share(prev[k].n, prev.total.n));
        text += d === 0 ? '，占比持平' : `，${d > 0 ? '上升' : '下降'} ${pct(Math.abs(d))} 个百分点`;
      }
      return text;
    };
    return `其中负面信息 ${part('negative')}；批评执法部门的信息 ${part('critical')}。`;
  },
  leading(r) {
    const parts: string[] = [];
    if (r.topics.length) parts.push(`讨论最多的话题为${r.topics.slice(0, 3).map((t) => `“${t.name.zh}”（${formatCount(t.n, 'zh')} 条）`).join('、')}`);
    const s = r.stories[0];
    if (s) parts.push(`信息最多的事件为${quote(shorten(s.text), 'zh')}（${formatCount(s.n, 'zh')} 条）`);
    return parts.length ? `${parts.join('；')}。` : null;
  },
  rumours(rs) {
    if (rs.length === 0) return '本期无疑似谣言事件。';
    const items = rs.slice(0, 3).map((r) => `#${r.incidentId}${quote(shorten(r.text, 24), 'zh')}${STATUS_NAMES.zh[r.status]}，${responseZh(r)}，${effectZh(r)}`);
    const more = rs.length > 3 ? `；另有 ${rs.length - 3} 起见附表` : '';
    return `本期涉及疑似谣言事件 ${rs.length} 起：${items.join('；')}${more}。`;
  },
  critical(cs) {
    if (cs.length === 0) return '本期无批评执法部门的评论。';
    const items = cs.slice(0, 2).map((c) => `${c.author ?? '匿名用户'}（粉丝 ${formatCount(c.followers, 'zh')}，互动 ${formatCount(c.engagement, 'zh')}）：${quote(shorten(c.text), 'zh')}`);
    return `影响较大的批评性评论有：${items.join('；')}。`;
  },
};

const EN: Wording = {
  volume(r) {
    const p = periodName(r.period, 'en');
    const n = r.totals.total.n;
    const prevName = r.period.kind === 'day' ? 'the previous day' : 'the previous week';
    if (n === 0 && (!r.previous || r.previous.total.n === 0)) return `No mentions were recorded ${p}.`;
    const head = n === 0 ? `No mentions were recorded ${p}` : `${formatCount(n, 'en')} mentions were recorded ${p}`;
    if (!r.previous) return `${head}; there are no earlier data to compare with.`;
    const before = r.previous.total.n;
    const change = relativeChange(n, before);
    if (change === null) return `${head}, against none ${prevName}.`;
    if (change === 0) return `${head}, the same as ${prevName}.`;
    return `${head}, ${change > 0 ? 'up' : 'down'} ${pct(Math.abs(change))}% on ${prevName} (${formatCount(before, 'en')}).`;
  },
  shares(t, prev) {
    const part = (k: 'negative' | 'critical') => {
      const s = share(t[k].n, t.total.n);
      let text = `${formatCount(t[k].n, 'en')} (${pct(s)}%)`;
      if (prev && prev.total.n > 0) {
        const d = ppChange(s, share(prev[k].n, prev.total.n));
        text += d === 0 ? ', an unchanged share' : `, ${d > 0 ? 'up' : 'down'} ${pct(Math.abs(d))} percentage points`;
      }
      return text;
    };
    return `Negative: ${part('negative')}; critical of the authorities: ${part('critical')}.`;
  },
  leading(r) {
    const parts: string[] = [];
    if (r.topics.length) parts.push(`The leading topics were ${r.topics.slice(0, 3).map((t) => `${t.name.en} (${formatCount(t.n, 'en')})`).join(', ')}`);
    const s = r.stories[0];
    if (s) parts.push(`${r.topics.length ? 'the' : 'The'} largest story was ${quote(shorten(s.text), 'en')} (${formatCount(s.n, 'en')} mentions)`);
    return parts.length ? `${parts.join('; ')}.` : null;
  },
  rumours(rs) {
    if (rs.length === 0) return 'No suspected rumours were flagged.';
    const items = rs.slice(0, 3).map((r) => `#${r.incidentId} ${quote(shorten(r.text, 24), 'en')} is ${STATUS_NAMES.en[r.status]}, ${responseEn(r)}, ${effectEn(r)}`);
    const more = rs.length > 3 ? `; ${rs.length - 3} more are listed below` : '';
    return `${rs.length} suspected rumour incident${rs.length === 1 ? ' was' : 's were'} active: ${items.join('; ')}${more}.`;
  },
  critical(cs) {
    if (cs.length === 0) return 'No comments critical of the authorities were recorded.';
    const items = cs.slice(0, 2).map((c) => `${c.author ?? 'an anonymous user'} (${formatCount(c.followers, 'en')} followers, ${formatCount(c.engagement, 'en')} engagements): ${quote(shorten(c.text), 'en')}`);
    return `The critical comments with the widest reach: ${items.join('; ')}.`;
  },
};
