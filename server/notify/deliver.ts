import { CONTACT_POINT_KINDS, type ContactPointKind, type QuietHours } from '../../shared/contracts/alerts.js';
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
}

export interface AttemptOutcome {
  status: 'sent' | 'failed' | 'suppressed';
  code: number | null;
  error: string | null;
  /** A failure another attempt may cure (a 5xx, a timeout); false for a refused signature, a bad config. */
  retryable: boolean;
}

/**
 * One attempt at one contact point: quiet hours first (critical alerts and tests ignore them;
 * rule-level quiet hours are passed in), then one send. Pure of the store: the caller records it.
 */
export async function attemptDelivery(o: DeliveryOptions, cp: ContactPointRow, msg: AlertMessage, ruleQuiet: QuietHours | null = null): Promise<AttemptOutcome> {
  const kind = cp.kind as ContactPointKind;
  if (!CONTACT_POINT_KINDS.includes(kind)) return { status: 'failed', code: null, error: `unknown kind ${cp.kind}`, retryable: false };
  let cfg;
  try {
    cfg = channelConfig(cp, o.box);
  } catch (err) {
    return { status: 'failed', code: null, error: `cannot open the contact point's secrets: ${(err as Error).message}`, retryable: false };
  }
  const cpQuiet = (cfg.quietHours as QuietHours | null | undefined) ?? null;
  // A scheduled report comes at the hour its subscribers chose, and quiet hours would drop it for the whole period.
  if (msg.severity !== 'critical' && msg.reason !== 'test' && msg.reason !== 'report' && (inQuietHours(cpQuiet, msg.at, o.timeZone) || inQuietHours(ruleQuiet, msg.at, o.timeZone))) {
    return { status: 'suppressed', code: null, error: 'quiet hours', retryable: false };
  }
  const ctx: ChannelContext = { now: o.now, timeZone: o.timeZone, timeoutMs: o.timeoutMs };
  try {
    const code = await CHANNELS[kind].send(cfg, msg, ctx);
    return { status: 'sent', code, error: null, retryable: false };
  } catch (err) {
    const e = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message, null);
    return { status: 'failed', code: e.code, error: e.message.slice(0, 500), retryable: e.retryable };
  }
}

/** The wait before attempt `attempt + 1`: base × 2^(attempt-1), ±20 %, whole ms (times are BIGINT on PostgreSQL). */
export function retryDelayMs(o: Pick<DeliveryOptions, 'baseDelayMs'>, attempt: number): number {
  return Math.round(o.baseDelayMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4));
}

/** The "send test" button: one attempt now, logged, answered with the receiver's reason. */
export async function deliverTest(o: DeliveryOptions, cp: ContactPointRow, msg: AlertMessage): Promise<AttemptOutcome & { attempts: number }> {
  const r = await attemptDelivery(o, cp, msg);
  await logDelivery(o.db, { alert_id: msg.alertId, contact_point_id: cp.id, attempt: 1, status: r.status, response_code: r.code, error: r.error, at: o.now() }).catch((err: Error) =>
    o.log.warn({ error: err.message }, 'delivery log write failed'),
  );
  return { ...r, attempts: 1 };
}
