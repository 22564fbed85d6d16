import type { Executor } from '../store.js';

/**
 * Running totals for GET /metrics, read from the alert tables at scrape time: they count what every
 * server raised and delivered (each tick runs on one server only), and survive restarts.
 */
export async function alertsByKind(db: Executor): Promise<{ kind: string; severity: string; n: number }[]> {
  const rows = await db
    .selectFrom('alerts')
    .select(['kind', 'severity', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['kind', 'severity'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, severity: r.severity, n: Number(r.n) }));
}

/** Delivery attempts (one row each in alert_deliveries) by the contact point's channel and the attempt's status. */
export async function deliveryAttemptsByChannel(db: Executor): Promise<{ channel: string; status: string; n: number }[]> {
  const rows = await db
    .selectFrom('alert_deliveries as d')
    .leftJoin('contact_points as c', 'c.id', 'd.contact_point_id')
    .select(['c.kind as channel', 'd.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['c.kind', 'd.status'])
    .execute();
  return rows.map((r) => ({ channel: r.channel ?? 'unknown', status: r.status, n: Number(r.n) }));
}
