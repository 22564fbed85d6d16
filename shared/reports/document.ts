import { TOTAL_KEYS, type Report, type ReportLang } from '../contracts/reports.js';
import { writeAssessment } from './assessment.js';
import { LABELS, bar, changeText } from './labels.js';
import { formatCount, formatDate } from './wording.js';

export interface ReportTable {
  heading: string;
  head: string[];
  rows: string[][];
  /** Relative column widths (the renderers scale them to the page). */
  widths: number[];
}

/** A report laid out as a document, independent of the file format: what .docx and PDF both render. */
export interface ReportDocument {
  lang: ReportLang;
  title: string;
  periodLine: string;
  assessmentHeading: string;
  assessment: string[];
  tables: ReportTable[];
  note: string;
}

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);

export function layoutReport(r: Report, lang: ReportLang): ReportDocument {
  const L = LABELS[lang];
  const f = (n: number) => formatCount(n, lang);
  const none = (rows: string[][], cols: number) => (rows.length ? rows : [[L.none, ...Array<string>(cols - 1).fill('')]]);
  const max = Math.max(0, ...r.series.points.map((p) => p.total.n));
  const tables: ReportTable[] = [
    {
      heading: L.totals,
      head: L.totalsHead,
      widths: [3, 2, 2, 2, 8],
      rows: TOTAL_KEYS.map((k) => [
        L.totalNames[k],
        f(r.totals[k].n),
        r.previous ? f(r.previous[k].n) : '—',
        changeText(r.totals[k].n, r.previous?.[k].n),
        r.totals[k].link,
      ]),
    },
    { heading: L.topics, head: L.topicsHead, widths: [3, 2, 8], rows: none(r.topics.map((t) => [t.name[lang], f(t.n), t.link]), 3) },
    {
      heading: L.stories,
      head: L.storiesHead,
      widths: [6, 2, 2, 6],
      rows: none(r.stories.map((s) => [cut(s.text, 60), f(s.n), f(s.reach), s.link]), 4),
    },
    {
      heading: L.rumours,
      head: L.rumoursHead,
      widths: [5, 2, 3, 3, 4, 2],
      rows: none(
        r.rumours.map((x) => [
          `#${x.incidentId} ${cut(x.text, 40)} (${f(x.mentions.n)})`,
          L.status(x.status),
          x.openedAt.slice(0, 16).replace('T', ' '),
          L.response(x.firstResponseMinutes, x.marks),
          L.effect(x.effect),
          x.link,
        ]),
        6,
      ),
    },
    {
      heading: L.critical,
      head: L.criticalHead,
      widths: [2, 2, 2, 6, 4],
      rows: none(r.critical.map((c) => [c.author ?? '—', f(c.followers), f(c.engagement), cut(c.text, 80), c.link]), 5),
    },
    {
      heading: L.series(r),
      head: L.seriesHead,
      widths: [2, 2, 2, 2, 8],
      rows: r.series.points.map((p) => [p.label, f(p.total.n), f(p.negative.n), f(p.critical.n), bar(p.total.n, max)]),
    },
  ];
  return {
    lang,
    title: L.title(r),
    periodLine: L.periodLine(r),
    assessmentHeading: L.assessment,
    assessment: writeAssessment(r, lang),
    tables,
    note: L.traceNote,
  };
}

/** A report's title with its period, as a message subject: "…网络舆情日报（2026年1月5日）". */
export function reportSubject(r: Report, lang: ReportLang): string {
  const title = LABELS[lang].title(r);
  const { kind, start, end } = r.period;
  const when = kind === 'day' ? formatDate(start, lang) : `${formatDate(start, lang)}${lang === 'zh' ? '至' : ' to '}${formatDate(end, lang)}`;
  return lang === 'zh' ? `${title}（${when}）` : `${title} (${when})`;
}
