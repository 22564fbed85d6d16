import type { Generated } from 'kysely';

/** The alerting tables (migrations 30 and 31) as Kysely sees them; merged into schema.ts's Database. */
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
  /** Per keyword rule and minute of created_at: matches among newly stored mentions (written by the workers). */
  alert_keyword_hits: { rule_id: number; minute: number; n: number; /** JSON array of mention uids. */ sample_uids: string };
  /** Deliveries still to make (done_at null) and made, each claimed by one server at a time. */
  alert_outbox: {
    id: Generated<number>;
    alert_id: number;
    contact_point_id: number;
    reason: string;
    /** The AlertMessage as JSON, fixed when the row is written. */
    message: string;
    /** The rule's quiet hours (JSON) at that time, or null. */
    rule_quiet: string | null;
    attempts: number;
    next_at: number;
    lease_owner: string | null;
    lease_until: number | null;
    done_at: number | null;
    created_at: number;
  };
}
