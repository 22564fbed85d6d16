import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AlertView } from '../../shared/contracts/alerts.js';
import { enqueueDeliveries } from '../../shared/store/repos/alert-outbox.js';
import { alertsToEscalate, listAlertRules, markEscalated } from '../../shared/store/repos/alerts.js';
import { pruneKeywordHits } from '../../shared/store/repos/keyword-hits.js';
import type { Store } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import { outboxRows } from './dispatch.js';
import { reconcileEpisodes } from './evaluate/episodes.js';
import { EVALUATORS } from './evaluate/evaluators.js';
import type { Finding } from './evaluate/finding.js';
import { presentAlert } from './present.js';
import { parseRule, type Rule } from './rules.js';

export interface EvaluatorOptions {
  store: Store;
  redis: Redis;
  /** Redis key prefix (YUQING_REDIS_PREFIX). */
  prefix: string;
  log: Logger;
  now: () => number;
  publicUrl: string;
  /** Every server evaluates on this period; one of them wins each tick. */
  intervalMs: number;
  /** Announces a new alert to every server's dashboards (Redis pub/sub). */
  announce: (a: AlertView) => void;
  /** Deliveries were enqueued: the outbox may send them now rather than at its next poll. */
  delivered: () => void;
}

const ESCALATION_LOOKBACK_MS = 7 * 86_400_000;
/** Keyword hit counters kept (the evaluator reads the last few minutes; the rest is history for nobody). */
const KEEP_KEYWORD_HITS_MINUTES = 24 * 60;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * The alert evaluator: every `intervalMs` each server tries to claim the tick with SET NX (key per
 * wall-clock slot, expiring after two slots), so with several servers each tick is evaluated once.
 * New alerts and escalations write their deliveries into the outbox in their own transaction
 * (server/notify/outbox.ts sends them), so a delivery survives the server that raised it.
 */
export function startEvaluator(o: EvaluatorOptions) {
  const me = randomUUID();
  let running: Promise<void> | null = null;
  let prunedAt = 0;

  async function claim(): Promise<boolean> {
    const slot = Math.floor(Date.now() / o.intervalMs);
    const ok = await o.redis.set(`${o.prefix}:alerts:tick:${slot}`, me, 'PX', o.intervalMs * 2, 'NX');
    return ok === 'OK';
  }

  async function evaluate(): Promise<void> {
    const now = o.now();
    const rules = (await listAlertRules(o.store.db, { enabledOnly: true })).map(parseRule).filter((r): r is Rule => r !== null);
    const findings = new Map<number, Finding[]>();
    const undecided = new Set<number>();
    for (const [kind, evaluator] of Object.entries(EVALUATORS)) {
      const mine = rules.filter((r) => r.condition.kind === kind);
      try {
        for (const [id, f] of await evaluator({ db: o.store.db, now }, mine)) findings.set(id, f);
      } catch (err) {
        // A failed read says nothing about the condition: ending these episodes now would raise them again next tick.
        for (const r of mine) undecided.add(r.id);
        o.log.warn({ kind, error: (err as Error).message }, 'alert evaluation failed');
      }
    }
    const ruleBy = new Map(rules.map((r) => [r.id, r]));
    const opened = await reconcileEpisodes(o.store, rules, findings, now, (tx, alerts) =>
      enqueueDeliveries(
        tx,
        alerts.flatMap((a) => {
          const rule = ruleBy.get(a.rule_id);
          return outboxRows(a, rule, rule?.contactPoints ?? [], 'alert', o.publicUrl, now);
        }),
      ),
      undecided,
    );
    for (const a of opened) o.announce(presentAlert(a));
    let enqueued = opened.length > 0;
    // Escalation: unacknowledged alerts older than their rule's afterMinutes, once each.
    for (const a of await alertsToEscalate(o.store.db, now, now - ESCALATION_LOOKBACK_MS)) {
      const rule = ruleBy.get(a.rule_id);
      if (!rule?.escalation || now - a.opened_at < rule.escalation.afterMinutes * 60_000) continue;
      const escalation = rule.escalation;
      const done = await o.store.write(async (tx) => {
        if (!(await markEscalated(tx, a.id, now))) return false;
        await enqueueDeliveries(tx, outboxRows({ ...a, escalated_at: now }, rule, escalation.contactPoints, 'escalation', o.publicUrl, now));
        return true;
      });
      enqueued ||= done;
    }
    if (enqueued) o.delivered();
    if (Date.now() - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await o.store.write((tx) => pruneKeywordHits(tx, Math.floor(now / 60_000) - KEEP_KEYWORD_HITS_MINUTES));
    }
  }

  const tick = async () => {
    if (running) return;
    running = (async () => {
      try {
        if (await claim()) await evaluate();
      } catch (err) {
        o.log.warn({ error: (err as Error).message }, 'alert tick failed');
      }
    })();
    await running;
    running = null;
  };
  const timer = setInterval(() => void tick(), o.intervalMs);

  return {
    async stop() {
      clearInterval(timer);
      if (running) await running;
    },
  };
}
