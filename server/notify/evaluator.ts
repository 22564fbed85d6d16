import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AlertView } from '../../shared/contracts/alerts.js';
import { alertsToEscalate, listAlertRules, markEscalated } from '../../shared/store/repos/alerts.js';
import type { Store } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import type { DeliveryOptions } from './deliver.js';
import { dispatch } from './dispatch.js';
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
  delivery: DeliveryOptions & { publicUrl: string };
  /** Every server evaluates on this period; one of them wins each tick. */
  intervalMs: number;
  /** Announces a new alert to every server's dashboards (Redis pub/sub). */
  announce: (a: AlertView) => void;
}

const ESCALATION_LOOKBACK_MS = 7 * 86_400_000;

/**
 * The alert evaluator: every `intervalMs` each server tries to claim the tick with SET NX (key per
 * wall-clock slot, expiring after two slots), so with several servers each tick is evaluated once.
 * Deliveries run after the tick's transaction and are awaited by `idle()`.
 */
export function startEvaluator(o: EvaluatorOptions) {
  const me = randomUUID();
  const pending = new Set<Promise<unknown>>();
  let running: Promise<void> | null = null;
  const track = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  async function claim(): Promise<boolean> {
    const slot = Math.floor(Date.now() / o.intervalMs);
    const ok = await o.redis.set(`${o.prefix}:alerts:tick:${slot}`, me, 'PX', o.intervalMs * 2, 'NX');
    return ok === 'OK';
  }

  async function evaluate(): Promise<void> {
    const now = o.delivery.now();
    const rules = (await listAlertRules(o.store.db, { enabledOnly: true })).map(parseRule).filter((r): r is Rule => r !== null);
    const findings = new Map<number, Finding[]>();
    for (const [kind, evaluator] of Object.entries(EVALUATORS)) {
      const mine = rules.filter((r) => r.condition.kind === kind);
      try {
        for (const [id, f] of await evaluator({ db: o.store.db, now }, mine)) findings.set(id, f);
      } catch (err) {
        o.log.warn({ kind, error: (err as Error).message }, 'alert evaluation failed');
      }
    }
    const ruleBy = new Map(rules.map((r) => [r.id, r]));
    for (const a of await reconcileEpisodes(o.store, rules, findings, now)) {
      o.announce(presentAlert(a));
      const rule = ruleBy.get(a.rule_id);
      track(dispatch(o.delivery, a, rule, rule?.contactPoints ?? [], 'alert'));
    }
    // Escalation: unacknowledged alerts older than their rule's afterMinutes, once each.
    for (const a of await alertsToEscalate(o.store.db, now, now - ESCALATION_LOOKBACK_MS)) {
      const rule = ruleBy.get(a.rule_id);
      if (!rule?.escalation || now - a.opened_at < rule.escalation.afterMinutes * 60_000) continue;
      if (!(await o.store.write((tx) => markEscalated(tx, a.id, now)))) continue;
      track(dispatch(o.delivery, { ...a, escalated_at: now }, rule, rule.escalation.contactPoints, 'escalation'));
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
    /** Evaluates now without claiming (tests, and `send test`-style manual runs). */
    evaluateNow: evaluate,
    /** Resolves when the current tick and every delivery started so far are done. */
    async idle() {
      if (running) await running;
      while (pending.size) await Promise.allSettled([...pending]);
    },
    async stop() {
      clearInterval(timer);
      if (running) await running;
      await Promise.allSettled([...pending]);
    },
  };
}
