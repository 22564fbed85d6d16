import type { AlertKind, AlertSeverity, AlertView, AlertDeliveryView } from '../../shared/contracts/alerts.js';
import type { AlertDeliveryRow, AlertRow } from '../../shared/store/repos/alerts.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentAlert(r: AlertRow): AlertView {
  return {
    id: r.id,
    ruleId: r.rule_id,
    ruleVersion: r.rule_version,
    ruleName: r.rule_name,
    kind: r.kind as AlertKind,
    severity: r.severity as AlertSeverity,
    key: r.key,
    title: r.title,
    body: r.body,
    link: r.link,
    openedAt: new Date(r.opened_at).toISOString(),
    lastTrueAt: new Date(r.last_true_at).toISOString(),
    resolvedAt: iso(r.resolved_at),
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    escalatedAt: iso(r.escalated_at),
  };
}

export function presentDelivery(r: AlertDeliveryRow): AlertDeliveryView {
  return {
    id: r.id,
    alertId: r.alert_id,
    contactPointId: r.contact_point_id,
    attempt: r.attempt,
    status: r.status as AlertDeliveryView['status'],
    responseCode: r.response_code,
    error: r.error,
    at: new Date(r.at).toISOString(),
  };
}
