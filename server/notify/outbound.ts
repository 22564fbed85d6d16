import { getContactPoint } from '../../shared/store/repos/contact-points.js';
import { deliver, type DeliveryOptions, type DeliveryOutcome } from './deliver.js';
import type { MessageAttachment } from './message.js';

/**
 * The seam through which features other than alerting (the scheduled reports, server/reports/
 * delivery.ts) send through a contact point: the same channels, retries and alert_deliveries log
 * rows (alert_id NULL) as an alert, without knowing how deliver() does it. Whatever makes alert
 * deliveries durable can change behind send() while this interface stays.
 */
export interface OutboundMessage {
  /** The e-mail subject and the robots' heading. */
  title: string;
  body: string;
  /** What the robots' "rule" line and the e-mail footer name as the source (日报 / 周报). */
  source: string;
  /** Absolute when YUQING_PUBLIC_URL is set (see absolute()). */
  link: string;
  /** E-mail only; robots get the link. */
  attachments?: readonly MessageAttachment[];
}

export type { DeliveryOutcome, MessageAttachment };

export interface ContactPointSender {
  /** Sends to one contact point; null when it does not exist (deleted since). */
  send(contactPointId: number, m: OutboundMessage): Promise<DeliveryOutcome | null>;
  /** A dashboard or API path made absolute with YUQING_PUBLIC_URL (the path itself when that is unset). */
  absolute(path: string): string;
}

export function contactPointSender(o: DeliveryOptions & { publicUrl: string }): ContactPointSender {
  return {
    async send(id, m) {
      const cp = await getContactPoint(o.db, id);
      if (!cp) return null;
      return deliver(o, cp, {
        alertId: null,
        ruleName: m.source,
        severity: 'info',
        title: m.title,
        body: m.body,
        link: m.link,
        at: o.now(),
        reason: 'report',
        ...(m.attachments ? { attachments: m.attachments } : {}),
      });
    },
    absolute: (path) => (o.publicUrl ? new URL(path, o.publicUrl).toString() : path),
  };
}
