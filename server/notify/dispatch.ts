import type { AlertRow } from '../../shared/store/repos/alerts.js';
import type { NewOutboxRow } from '../../shared/store/repos/alert-outbox.js';
import type { AlertMessage } from './message.js';
import type { Rule } from './rules.js';

/** An alert in words for a channel; links become absolute when the public address is known. */
export function messageOf(a: AlertRow, reason: AlertMessage['reason'], publicUrl: string, at: number): AlertMessage {
  return {
    alertId: a.id,
    ruleName: a.rule_name,
    severity: a.severity as AlertMessage['severity'],
    title: a.title,
    body: a.body,
    link: publicUrl ? new URL(a.link, publicUrl).toString() : a.link,
    at,
    reason,
  };
}

/**
 * The outbox rows that send an alert to each of the given contact points (written in the
 * transaction that opens or escalates it; server/notify/outbox.ts sends them). The message is
 * fixed now, so a retry an hour later says what the first attempt said.
 */
export function outboxRows(a: AlertRow, rule: Rule | undefined, ids: readonly number[], reason: AlertMessage['reason'], publicUrl: string, at: number): NewOutboxRow[] {
  const message = JSON.stringify(messageOf(a, reason, publicUrl, at));
  const ruleQuiet = rule?.quietHours ? JSON.stringify(rule.quietHours) : null;
  return [...new Set(ids)].map((id) => ({ alert_id: a.id, contact_point_id: id, reason, message, rule_quiet: ruleQuiet, next_at: at, created_at: at }));
}
