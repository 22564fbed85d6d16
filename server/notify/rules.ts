import { alertRuleInputSchema, type AlertRuleConfig, type AlertRuleView } from '../../shared/contracts/alerts.js';
import type { AlertRuleRow } from '../../shared/store/repos/alerts.js';

/** A stored rule with its config parsed (a row that no longer validates is skipped, not fatal). */
export interface Rule extends AlertRuleConfig {
  id: number;
  version: number;
}

export function parseRule(row: AlertRuleRow): Rule | null {
  const r = alertRuleInputSchema.safeParse(JSON.parse(row.config));
  return r.success ? { ...r.data, id: row.id, version: row.version, enabled: row.enabled === 1 } : null;
}

export function presentRule(row: AlertRuleRow): AlertRuleView | null {
  const r = parseRule(row);
  return r ? { ...r, updatedAt: new Date(row.updated_at).toISOString(), updatedBy: row.updated_by } : null;
}
