import type { Generated } from 'kysely';

/** The alerting tables (migration 30) as Kysely sees them; merged into schema.ts's Database. */
export interface AlertTables {
  alert_rules: {
    id: Generated<number>;
    version: number;
    /** The rule's AlertRuleConfig as JSON. */
    config: string;
    enabled: number;
    deleted: number;
    updated_at: number;
    updated_by: string;
  };
  alert_rule_versions: { rule_id: number; version: number; config: string | null; at: number; by: string };
  contact_points: {
    id: Generated<number>;
    name: string;
    kind: string;
    /** Public settings (JSON). */
    settings: string;
    /** The secret fields, encrypted by the server (opaque here). */
    secrets: string | null;
    deleted: number;
    updated_at: number;
    updated_by: string;
  };
  alerts: {
    id: Generated<number>;
    rule_id: number;
    rule_version: number;
    rule_name: string;
    kind: string;
    severity: string;
    key: string;
    title: string;
    body: string;
    link: string;
    opened_at: number;
    last_true_at: number;
    resolved_at: number | null;
    acknowledged_at: number | null;
    acknowledged_by: string | null;
    escalated_at: number | null;
  };
  alert_deliveries: {
    id: Generated<number>;
    alert_id: number | null;
    contact_point_id: number;
    attempt: number;
    status: string;
    response_code: number | null;
    error: string | null;
    at: number;
  };
  alert_state: { key: string; value: string; updated_at: number };
}
