import type { ArchivedReportView, FileFormat, ReportKind, ReportLang } from '../../contracts/reports.js';
import type { Executor } from '../store.js';

export interface ReportFile {
  kind: ReportKind;
  period: string;
  lang: ReportLang;
  format: FileFormat;
  bytes: Uint8Array;
  origin: string;
}

/** What a scheduled file is sent with: its title and written assessment (lines). */
export interface ReportAbstract {
  title: string;
  assessment: string[];
}

export const scheduleKey = (f: Pick<ReportFile, 'kind' | 'period' | 'lang' | 'format'>): string => `${f.kind}:${f.period}:${f.lang}:${f.format}`;

const META = ['id', 'kind', 'period', 'lang', 'format', 'size', 'origin', 'created_at'] as const;
type MetaRow = { id: number; kind: ReportKind; period: string; lang: ReportLang; format: FileFormat; size: number; origin: string; created_at: number };

function present(r: MetaRow): ArchivedReportView {
  const id = Number(r.id);
  return {
    id,
    kind: r.kind,
    period: r.period,
    lang: r.lang,
    format: r.format,
    size: Number(r.size),
    origin: r.origin,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    href: `/api/v1/reports/archive/${id}`,
  };
}

/** Keeps a file asked for by hand. */
export async function archiveReport(db: Executor, f: ReportFile, now: number): Promise<ArchivedReportView> {
  const row = await db
    .insertInto('reports')
    .values({ ...f, size: f.bytes.byteLength, schedule_key: null, created_at: now, title: null, assessment: null })
    .returning(META)
    .executeTakeFirstOrThrow();
  return present(row);
}

/**
 * Keeps a scheduled file unless another server already kept the same one: the insert itself is the
 * claim (schedule_key UNIQUE, ON CONFLICT DO NOTHING), so exactly one caller gets the row back and
 * hands the report on for delivery; the others get null.
 */
export async function claimScheduledReport(db: Executor, f: ReportFile, abstract: ReportAbstract, now: number): Promise<ArchivedReportView | null> {
  const row = await db
    .insertInto('reports')
    .values({ ...f, size: f.bytes.byteLength, schedule_key: scheduleKey(f), created_at: now, title: abstract.title, assessment: abstract.assessment.join('\n') })
    .onConflict((oc) => oc.column('schedule_key').doNothing())
    .returning(META)
    .executeTakeFirst();
  return row ? present(row) : null;
}

/** Whether a scheduled file is already kept (checked first, so that late servers skip the rendering). */
export async function hasScheduledReport(db: Executor, key: string): Promise<boolean> {
  return (await db.selectFrom('reports').select('id').where('schedule_key', '=', key).executeTakeFirst()) !== undefined;
}

/** A scheduled file with what it is sent with, or undefined when it is not (yet) kept. */
export async function readScheduledReport(
  db: Executor,
  key: string,
): Promise<(ArchivedReportView & { bytes: Uint8Array; abstract: ReportAbstract }) | undefined> {
  const row = await db
    .selectFrom('reports')
    .select([...META, 'bytes', 'title', 'assessment'])
    .where('schedule_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  const abstract = { title: row.title ?? '', assessment: row.assessment ? row.assessment.split('\n') : [] };
  return { ...present(row), bytes: row.bytes, abstract };
}

/** Newest first. */
export async function listArchivedReports(db: Executor, opts: { kind?: ReportKind; limit: number }): Promise<ArchivedReportView[]> {
  let q = db.selectFrom('reports').select(META).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit);
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  return (await q.execute()).map(present);
}

export async function readArchivedReport(db: Executor, id: number): Promise<(ArchivedReportView & { bytes: Uint8Array }) | undefined> {
  const row = await db
    .selectFrom('reports')
    .select([...META, 'bytes'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...present(row), bytes: row.bytes } : undefined;
}
