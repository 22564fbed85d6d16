import { randomUUID } from 'node:crypto';
import type { QuietHours } from '../../shared/contracts/alerts.js';
import { claimDeliveries, hasDueDeliveries, pruneDeliveries, recordAttempt, type OutboxRow } from '../../shared/store/repos/alert-outbox.js';
import { getContactPoint } from '../../shared/store/repos/contact-points.js';
import type { Store } from '../../shared/store/store.js';
import { attemptDelivery, retryDelayMs, type AttemptOutcome, type DeliveryOptions } from './deliver.js';
import type { AlertMessage } from './message.js';

export interface OutboxOptions {
  store: Store;
  delivery: DeliveryOptions;
  /** How often a server looks for due deliveries (also right after its evaluator enqueued some). */
  pollMs: number;
  /** Rows claimed per poll. */
  batch?: number;
}

const PRUNE_EVERY_MS = 3_600_000;
const KEEP_DONE_MS = 7 * 86_400_000;

/**
 * The delivery loop of one server: claims due outbox rows with a lease, makes one attempt each
 * (in parallel), and records it with its consequence — finished, or due again after the back-off —
 * in one statement pair. The lease outlasts an attempt's timeout, so while this server lives no
 * other one sends the same row; when it dies mid-retry, the row's lease runs out and the next
 * server that polls takes it over from its attempt count. A send that lands just as its lease is
 * lost can therefore be repeated once (at least once, never silently dropped).
 */
export function startOutbox(o: OutboxOptions) {
  const me = randomUUID();
  const d = o.delivery;
  const leaseMs = d.timeoutMs * 3 + 5_000;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let prunedAt = 0;

  async function attemptRow(row: OutboxRow): Promise<void> {
    let outcome: AttemptOutcome;
    let msg: AlertMessage | undefined;
    try {
      msg = JSON.parse(row.message) as AlertMessage;
    } catch {
      msg = undefined;
    }
    const cp = msg ? await getContactPoint(o.store.db, row.contact_point_id) : undefined;
    if (!msg) outcome = { status: 'failed', code: null, error: 'unreadable outbox message', retryable: false };
    else if (!cp) outcome = { status: 'failed', code: null, error: 'contact point deleted', retryable: false };
    else outcome = await attemptDelivery(d, cp, msg, row.rule_quiet ? (JSON.parse(row.rule_quiet) as QuietHours) : null);
    const attempt = row.attempts + 1;
    const at = d.now();
    const retry = outcome.status === 'failed' && outcome.retryable && attempt < d.attempts;
    const ok = await o.store.write((tx) =>
      recordAttempt(
        tx,
        row,
        me,
        { alert_id: row.alert_id, contact_point_id: row.contact_point_id, attempt: outcome.status === 'suppressed' ? 0 : attempt, status: outcome.status, response_code: outcome.code, error: outcome.error, at },
        retry ? at + retryDelayMs(d, attempt) : null,
      ),
    );
    if (!ok) d.log.warn({ outbox: row.id }, 'alert delivery lease lost before its attempt was recorded');
    else if (outcome.status === 'failed' && !retry) d.log.warn({ contactPoint: row.contact_point_id, alert: row.alert_id, error: outcome.error }, 'alert delivery failed');
  }

  async function pass(): Promise<void> {
    while (await hasDueDeliveries(o.store.db, d.now())) {
      const rows = await o.store.write((tx) => claimDeliveries(tx, me, d.now(), leaseMs, o.batch ?? 20));
      if (rows.length === 0) break;
      await Promise.all(rows.map((r) => attemptRow(r).catch((err: Error) => d.log.warn({ outbox: r.id, error: err.message }, 'alert delivery attempt not recorded'))));
    }
    if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await o.store.write((tx) => pruneDeliveries(tx, d.now() - KEEP_DONE_MS));
    }
  }

  /** Runs a pass now, or right after the one in progress. */
  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (err) {
          d.log.warn({ error: (err as Error).message }, 'alert delivery pass failed');
        }
      } while (again && !stopped);
      running = null;
    })();
    return running;
  }

  const timer = setInterval(() => void kick(), o.pollMs);
  return {
    kick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
