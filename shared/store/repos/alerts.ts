import type { Executor } from '../store.js';
import type { AlertTables } from '../alert-schema.js';

/** Alert rules (current row + version history), alerts (one row per episode), deliveries and evaluator state. */

export interface AlertRuleRow {
  id: number;
  version: number;
  config: string;
  enabled: number;
  updated_at: number;
  updated_by: string;
}
export type AlertRow = Omit<AlertTables['alerts'], 'id'> & { id: number };
export type AlertDeliveryRow = Omit<AlertTables['alert_deliveries'], 'id'> & { id: number };

const RULE_COLUMNS = ['id', 'version', 'config', 'enabled', 'updated_at', 'updated_by'] as const;

export async function listAlertRules(db: Executor, opts: { enabledOnly?: boolean } = {}): Promise<AlertRuleRow[]> {
  let q = db.selectFrom('alert_rules').select(RULE_COLUMNS).where('deleted', '=', 0);
  if (opts.enabledOnly) q = q.where('enabled', '=', 1);
  return q.orderBy('id').execute();
}

export async function getAlertRule(db: Executor, id: number): Promise<AlertRuleRow | undefined> {
  return db.selectFrom('alert_rules').select(RULE_COLUMNS).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
}

/** Creates a rule at version 1 and records the version. Run inside store.write(). */
export async function insertAlertRule(tx: Executor, config: string, enabled: boolean, at: number, by: string): Promise<number> {
  const r = await tx
    .insertInto('alert_rules')
    .values({ version: 1, config, enabled: enabled ? 1 : 0, deleted: 0, updated_at: at, updated_by: by })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(r.id);
  await tx.insertInto('alert_rule_versions').values({ rule_id: id, version: 1, config, at, by }).execute();
  return id;
}

/**
 * A new version of a rule (config null: deleted). Returns the new version number, or null when the
 * rule does not exist or `expectedVersion` is stale (two administrators editing the same rule).
 */
export async function updateAlertRule(
  tx: Executor,
  id: number,
  change: { config: string | null; enabled: boolean; at: number; by: string; expectedVersion?: number },
): Promise<number | null> {
  const cur = await getAlertRule(tx, id);
  if (!cur || (change.expectedVersion !== undefined && change.expectedVersion !== cur.version)) return null;
  const version = cur.version + 1;
  await tx
    .updateTable('alert_rules')
    .set({
      version,
      config: change.config ?? cur.config,
      enabled: change.enabled ? 1 : 0,
      deleted: change.config === null ? 1 : 0,
      updated_at: change.at,
      updated_by: change.by,
    })
    .where('id', '=', id)
    .execute();
  await tx.insertInto('alert_rule_versions').values({ rule_id: id, version, config: change.config, at: change.at, by: change.by }).execute();
  return version;
}

export async function alertRuleVersions(db: Executor, id: number): Promise<AlertTables['alert_rule_versions'][]> {
  return db.selectFrom('alert_rule_versions').selectAll().where('rule_id', '=', id).orderBy('version', 'desc').execute();
}

// ── alerts (episodes) ──

export async function openEpisodes(db: Executor): Promise<AlertRow[]> {
  return db.selectFrom('alerts').selectAll().where('resolved_at', 'is', null).execute() as Promise<AlertRow[]>;
}

/**
 * Opens an episode. Returns null when one is already open for (rule, key): the partial unique index
 * decides, so concurrent evaluators cannot raise the same alert twice.
 */
export async function insertAlert(tx: Executor, row: Omit<AlertRow, 'id'>): Promise<AlertRow | null> {
  const r = await tx
    .insertInto('alerts')
    .values(row)
    .onConflict((oc) => oc.columns(['rule_id', 'key']).where('resolved_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r ? { ...row, id: Number(r.id) } : null;
}

export async function touchAlerts(tx: Executor, ids: readonly number[], at: number): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('alerts').set({ last_true_at: at }).where('id', 'in', [...ids]).execute();
}

export async function resolveAlerts(tx: Executor, ids: readonly number[], at: number): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('alerts').set({ resolved_at: at }).where('id', 'in', [...ids]).where('resolved_at', 'is', null).execute();
}

export async function getAlert(db: Executor, id: number): Promise<AlertRow | undefined> {
  return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst() as Promise<AlertRow | undefined>;
}

export async function listAlerts(db: Executor, q: { state: 'unread' | 'acknowledged' | 'all'; limit: number }): Promise<AlertRow[]> {
  let s = db.selectFrom('alerts').selectAll();
  if (q.state === 'unread') s = s.where('acknowledged_at', 'is', null);
  if (q.state === 'acknowledged') s = s.where('acknowledged_at', 'is not', null);
  return s.orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute() as Promise<AlertRow[]>;
}

export async function countUnread(db: Executor): Promise<number> {
  const r = await db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('acknowledged_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** First acknowledgement wins; returns whether this call acknowledged it. */
export async function acknowledgeAlert(tx: Executor, id: number, at: number, by: string): Promise<boolean> {
  const r = await tx.updateTable('alerts').set({ acknowledged_at: at, acknowledged_by: by }).where('id', '=', id).where('acknowledged_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Unacknowledged alerts opened before `before` and not yet escalated (indexed by alerts_unacknowledged). */
export async function alertsToEscalate(db: Executor, before: number, since: number): Promise<AlertRow[]> {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('acknowledged_at', 'is', null)
    .where('escalated_at', 'is', null)
    .where('opened_at', '<=', before)
    .where('opened_at', '>=', since)
    .execute() as Promise<AlertRow[]>;
}

/** Marks an alert escalated; false when another evaluator already did. */
export async function markEscalated(tx: Executor, id: number, at: number): Promise<boolean> {
  const r = await tx.updateTable('alerts').set({ escalated_at: at }).where('id', '=', id).where('escalated_at', 'is', null).where('acknowledged_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ── deliveries ──

export async function logDelivery(db: Executor, row: Omit<AlertDeliveryRow, 'id'>): Promise<void> {
  await db.insertInto('alert_deliveries').values(row).execute();
}

export async function listDeliveries(db: Executor, q: { alertId?: number; contactPointId?: number; limit: number }): Promise<AlertDeliveryRow[]> {
  let s = db.selectFrom('alert_deliveries').selectAll();
  if (q.alertId !== undefined) s = s.where('alert_id', '=', q.alertId);
  if (q.contactPointId !== undefined) s = s.where('contact_point_id', '=', q.contactPointId);
  return s.orderBy('id', 'desc').limit(q.limit).execute() as Promise<AlertDeliveryRow[]>;
}
