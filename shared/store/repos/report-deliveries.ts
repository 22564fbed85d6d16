import type { ReportKind, ReportLang } from '../../contracts/reports.js';
import type { ReportDeliveryView } from '../../contracts/report-subscriptions.js';
import type { ReportDeliveryStatus } from '../report-rows.js';
import type { Executor } from '../store.js';

export interface DeliveryTarget {
  contactPointId: number;
  kind: ReportKind;
  period: string;
  lang: ReportLang;
}

/**
 * Claims the sending of one period's report to one contact point: the insert wins once ever
 * (UNIQUE (contact_point_id, kind, period, lang), ON CONFLICT DO NOTHING), so of any number of
 * servers and restarts exactly one caller gets the id and sends. null: already claimed.
 */
export async function claimReportDelivery(db: Executor, t: DeliveryTarget, at: number): Promise<number | null> {
  const r = await db
    .insertInto('report_deliveries')
    .values({ contact_point_id: t.contactPointId, kind: t.kind, period: t.period, lang: t.lang, status: 'sending', attempts: 0, error: null, claimed_at: at, finished_at: null })
    .onConflict((oc) => oc.columns(['contact_point_id', 'kind', 'period', 'lang']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r ? Number(r.id) : null;
}

/** Whether the report was already claimed for that contact point (checked first, so a pass reads no files it will not send). */
export async function reportDeliveryClaimed(db: Executor, t: DeliveryTarget): Promise<boolean> {
  const r = await db
    .selectFrom('report_deliveries')
    .select('id')
    .where('contact_point_id', '=', t.contactPointId)
    .where('kind', '=', t.kind)
    .where('period', '=', t.period)
    .where('lang', '=', t.lang)
    .executeTakeFirst();
  return r !== undefined;
}

export async function finishReportDelivery(db: Executor, id: number, o: { status: Exclude<ReportDeliveryStatus, 'sending'>; attempts: number; error: string | null }, at: number): Promise<void> {
  await db
    .updateTable('report_deliveries')
    .set({ status: o.status, attempts: o.attempts, error: o.error === null ? null : o.error.slice(0, 500), finished_at: at })
    .where('id', '=', id)
    .execute();
}

/** Newest first, with the contact point's name and kind (a deleted one keeps its row, so its name still shows). */
export async function listReportDeliveries(db: Executor, q: { kind?: ReportKind; period?: string; limit: number }): Promise<ReportDeliveryView[]> {
  let s = db
    .selectFrom('report_deliveries as d')
    .leftJoin('contact_points as c', 'c.id', 'd.contact_point_id')
    .selectAll('d')
    .select(['c.name as cp_name', 'c.kind as cp_kind', 'c.deleted as cp_deleted'])
    .orderBy('d.claimed_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(q.limit);
  if (q.kind) s = s.where('d.kind', '=', q.kind);
  if (q.period) s = s.where('d.period', '=', q.period);
  return (await s.execute()).map((r) => ({
    id: Number(r.id),
    contactPointId: Number(r.contact_point_id),
    contactPointName: r.cp_name ?? null,
    contactPointKind: r.cp_kind ?? null,
    contactPointDeleted: r.cp_deleted === null ? true : Number(r.cp_deleted) === 1,
    kind: r.kind,
    period: r.period,
    lang: r.lang,
    status: r.status,
    attempts: Number(r.attempts),
    error: r.error,
    claimedAt: new Date(Number(r.claimed_at)).toISOString(),
    finishedAt: r.finished_at === null ? null : new Date(Number(r.finished_at)).toISOString(),
  }));
}
