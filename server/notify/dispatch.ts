import { getContactPoints } from '../../shared/store/repos/contact-points.js';
import type { AlertRow } from '../../shared/store/repos/alerts.js';
import { deliver, type DeliveryOptions, type DeliveryOutcome } from './deliver.js';
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

/** Sends an alert to each of the given contact points, in parallel, each with its own retries. */
export async function dispatch(o: DeliveryOptions & { publicUrl: string }, a: AlertRow, rule: Rule | undefined, ids: readonly number[], reason: AlertMessage['reason']): Promise<DeliveryOutcome[]> {
  const cps = await getContactPoints(o.db, ids);
  const msg = messageOf(a, reason, o.publicUrl, o.now());
  return Promise.all(cps.map((cp) => deliver(o, cp, msg, rule?.quietHours ?? null)));
}
