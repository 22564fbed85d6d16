import type { DeliveryOutcome } from '../../shared/contracts/alerts.js';
import { logDelivery } from '../../shared/store/repos/alerts.js';
import { getContactPoint } from '../../shared/store/repos/contact-points.js';
import { attemptDelivery, retryDelayMs, type AttemptOutcome, type DeliveryOptions } from './deliver.js';
import type { AlertMessage, MessageAttachment } from './message.js';

/**
 * The seam through which features other than alerting (the scheduled reports, server/reports/
 * delivery.ts) send through a contact point: the same channels, back-off and alert_deliveries log
 * rows (alert_id NULL) as an alert. Retries run in this process, not through the alert outbox: the
 * caller has claimed the send once per period (report_deliveries), so a server that dies
 * mid-retry leaves that delivery unfinished rather than sent twice.
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


const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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
      const msg: AlertMessage = {
        alertId: null,
        ruleName: m.source,
        severity: 'info',
        title: m.title,
        body: m.body,
        link: m.link,
        at: o.now(),
        reason: 'report',
        ...(m.attachments ? { attachments: m.attachments } : {}),
      };
      let r: AttemptOutcome = { status: 'failed', code: null, error: 'not attempted', retryable: false };
      let attempt = 0;
      while (attempt < o.attempts) {
        attempt++;
        r = await attemptDelivery(o, cp, msg);
        await logDelivery(o.db, { alert_id: null, contact_point_id: cp.id, attempt, status: r.status, response_code: r.code, error: r.error, at: o.now() }).catch((err: Error) =>
          o.log.warn({ error: err.message }, 'delivery log write failed'),
        );
        if (r.status !== 'failed' || !r.retryable) break;
        if (attempt < o.attempts) await sleep(retryDelayMs(o, attempt));
      }
      return { status: r.status, attempts: attempt, code: r.code, error: r.error };
    },
    absolute: (path) => (o.publicUrl ? new URL(path, o.publicUrl).toString() : path),
  };
}
