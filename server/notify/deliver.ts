import { CONTACT_POINT_KINDS, type ContactPointKind, type DeliveryOutcome, type QuietHours } from '../../shared/contracts/alerts.js';
import { inQuietHours } from '../../shared/alerts/quiet-hours.js';
import { logDelivery } from '../../shared/store/repos/alerts.js';
import type { ContactPointRow } from '../../shared/store/repos/contact-points.js';
import type { Executor } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import { DeliveryError, type ChannelContext } from './channels/channel.js';
import { CHANNELS } from './channels/index.js';
import { channelConfig } from './contact-points.js';
import type { AlertMessage } from './message.js';
import type { SecretBox } from './secret-box.js';

export interface DeliveryOptions {
  db: Executor;
  box: SecretBox;
  log: Logger;
  timeZone: string;
  now: () => number;
  /** Attempts per contact point (1 + retries). */
  attempts: number;
  /** Wait before retry n is base × 2^(n-1) (±20 % jitter, so many servers do not retry in step). */
  baseDelayMs: number;
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export type { DeliveryOutcome };

const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Sends one message to one contact point: quiet hours first (critical ignores them; rule-level
 * quiet hours are passed in), then up to `attempts` tries with exponential back-off. Every attempt
 * is a row in alert_deliveries, so the log shows a 500, a 500 and then the 200.
 */
export async function deliver(o: DeliveryOptions, cp: ContactPointRow, msg: AlertMessage, ruleQuiet: QuietHours | null = null): Promise<DeliveryOutcome> {
  const kind = cp.kind as ContactPointKind;
  const record = (attempt: number, status: DeliveryOutcome['status'], code: number | null, error: string | null) =>
    logDelivery(o.db, { alert_id: msg.alertId, contact_point_id: cp.id, attempt, status, response_code: code, error, at: o.now() }).catch((err: Error) =>
      o.log.warn({ error: err.message }, 'delivery log write failed'),
    );
  if (!CONTACT_POINT_KINDS.includes(kind)) {
    await record(1, 'failed', null, `unknown kind ${cp.kind}`);
    return { status: 'failed', attempts: 1, code: null, error: `unknown kind ${cp.kind}` };
  }
  let cfg;
  try {
    cfg = channelConfig(cp, o.box);
  } catch (err) {
    const error = `cannot open the contact point's secrets: ${(err as Error).message}`;
    await record(1, 'failed', null, error);
    return { status: 'failed', attempts: 1, code: null, error };
  }
  const cpQuiet = (cfg.quietHours as QuietHours | null | undefined) ?? null;
  if (msg.severity !== 'critical' && msg.reason !== 'test' && (inQuietHours(cpQuiet, msg.at, o.timeZone) || inQuietHours(ruleQuiet, msg.at, o.timeZone))) {
    await record(0, 'suppressed', null, 'quiet hours');
    return { status: 'suppressed', attempts: 0, code: null, error: 'quiet hours' };
  }
  const ctx: ChannelContext = { now: o.now, timeZone: o.timeZone, timeoutMs: o.timeoutMs };
  const sleep = o.sleep ?? sleepMs;
  let last: DeliveryError = new DeliveryError('not attempted', null);
  let tried = 0;
  for (let attempt = 1; attempt <= o.attempts; attempt++) {
    tried = attempt;
    try {
      const code = await CHANNELS[kind].send(cfg, msg, ctx);
      await record(attempt, 'sent', code, null);
      return { status: 'sent', attempts: attempt, code, error: null };
    } catch (err) {
      last = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message, null);
      await record(attempt, 'failed', last.code, last.message.slice(0, 500));
      if (!last.retryable) break;
      if (attempt < o.attempts) await sleep(o.baseDelayMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4));
    }
  }
  o.log.warn({ contactPoint: cp.id, alert: msg.alertId, error: last.message }, 'alert delivery failed');
  return { status: 'failed', attempts: tried, code: last.code, error: last.message };
}
