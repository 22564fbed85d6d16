import type { MentionRow } from '../../shared/store/rows.js';

const COLUMNS: [string, (r: MentionRow) => string | number | null][] = [
  ['platform', (r) => r.platform],
  ['id', (r) => r.id],
  ['kind', (r) => r.kind],
  ['created_at', (r) => r.created_at_iso],
  ['author_id', (r) => r.author_id],
  ['author_name', (r) => r.author_name],
  ['official', (r) => r.author_official],
  ['followers', (r) => r.followers],
  ['engagement', (r) => r.engagement],
  ['region', (r) => r.region],
  ['lang', (r) => r.lang],
  ['sentiment', (r) => r.sentiment],
  ['sentiment_score', (r) => r.sentiment_score],
  ['emotion', (r) => r.emotion],
  ['critical', (r) => r.critical],
  ['stance', (r) => r.stance],
  ['topics', (r) => (JSON.parse(r.topics) as string[]).join(';')],
  ['story_id', (r) => r.story_id],
  ['root_id', (r) => r.root_uid],
  ['parent_id', (r) => r.parent_uid],
  ['url', (r) => r.url],
  ['text', (r) => r.text],
];

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs a post as a formula. */
function cell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The first line: a UTF-8 BOM so spreadsheet programs read Chinese correctly, then the header row. */
export const CSV_HEAD = `\uFEFF${COLUMNS.map(([h]) => h).join(',')}\r\n`;

/** One CSV record, CRLF-terminated (RFC 4180). */
export function csvRecord(r: MentionRow): string {
  return `${COLUMNS.map(([, get]) => cell(get(r))).join(',')}\r\n`;
}

/** One defused, quoted CSV cell (for other exports, e.g. the audit log). */
export const csvCell = (v: string): string => cell(v);
