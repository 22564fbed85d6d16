import type { ReportKind, ReportLang } from '../../contracts/reports.js';
import type { ReportSubscriptionView } from '../../contracts/report-subscriptions.js';
import type { Executor } from '../store.js';

export interface SubscriptionFields {
  contactPointId: number;
  daily: boolean;
  weekly: boolean;
  lang: ReportLang;
}

/** Subscriptions of contact points that still exist (a deleted contact point's subscription is inert). */
function base(db: Executor) {
  return db
    .selectFrom('report_subscriptions as s')
    .innerJoin('contact_points as c', 'c.id', 's.contact_point_id')
    .where('c.deleted', '=', 0)
    .select(['s.id', 's.contact_point_id', 's.daily', 's.weekly', 's.lang', 's.updated_at', 's.updated_by', 'c.name', 'c.kind']);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function present(r: Row): ReportSubscriptionView {
  return {
    id: Number(r.id),
    contactPointId: Number(r.contact_point_id),
    contactPointName: r.name,
    contactPointKind: r.kind,
    daily: Number(r.daily) === 1,
    weekly: Number(r.weekly) === 1,
    lang: r.lang,
    updatedAt: new Date(Number(r.updated_at)).toISOString(),
    updatedBy: r.updated_by,
  };
}

export async function listReportSubscriptions(db: Executor): Promise<ReportSubscriptionView[]> {
  return (await base(db).orderBy('s.id').execute()).map(present);
}

export async function getReportSubscription(db: Executor, id: number): Promise<ReportSubscriptionView | undefined> {
  const r = await base(db).where('s.id', '=', id).executeTakeFirst();
  return r ? present(r) : undefined;
}

/** Who receives a kind of report: contact point and language. */
export async function subscribersOf(db: Executor, kind: ReportKind): Promise<{ contactPointId: number; lang: ReportLang }[]> {
  const rows = await base(db)
    .where(kind === 'day' ? 's.daily' : 's.weekly', '=', 1)
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({ contactPointId: Number(r.contact_point_id), lang: r.lang }));
}

/** Another subscription of the same contact point in the same language (one per pair). */
async function clash(db: Executor, f: SubscriptionFields, except: number | null): Promise<boolean> {
  let q = db.selectFrom('report_subscriptions').select('id').where('contact_point_id', '=', f.contactPointId).where('lang', '=', f.lang);
  if (except !== null) q = q.where('id', '!=', except);
  return (await q.executeTakeFirst()) !== undefined;
}

const columns = (f: SubscriptionFields, at: number, by: string) => ({
  contact_point_id: f.contactPointId,
  daily: f.daily ? 1 : 0,
  weekly: f.weekly ? 1 : 0,
  lang: f.lang,
  updated_at: at,
  updated_by: by,
});

/** The new id, or 'exists' when the contact point already receives reports in that language. */
export async function insertReportSubscription(db: Executor, f: SubscriptionFields, at: number, by: string): Promise<number | 'exists'> {
  if (await clash(db, f, null)) return 'exists';
  const r = await db
    .insertInto('report_subscriptions')
    .values({ ...columns(f, at, by), created_at: at })
    .onConflict((oc) => oc.columns(['contact_point_id', 'lang']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r ? Number(r.id) : 'exists';
}

export async function updateReportSubscription(db: Executor, id: number, f: SubscriptionFields, at: number, by: string): Promise<'ok' | 'missing' | 'exists'> {
  if (!(await db.selectFrom('report_subscriptions').select('id').where('id', '=', id).executeTakeFirst())) return 'missing';
  if (await clash(db, f, id)) return 'exists';
  const r = await db.updateTable('report_subscriptions').set(columns(f, at, by)).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0 ? 'ok' : 'missing';
}

export async function deleteReportSubscription(db: Executor, id: number): Promise<boolean> {
  const r = await db.deleteFrom('report_subscriptions').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
