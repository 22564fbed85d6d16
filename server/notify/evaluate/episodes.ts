import { insertAlert, openEpisodes, resolveAlerts, touchAlerts, type AlertRow } from '../../../shared/store/repos/alerts.js';
import type { Executor, Store } from '../../../shared/store/store.js';
import type { Rule } from '../rules.js';
import type { Finding } from './finding.js';

/**
 * Turns this tick's findings into episodes, in one transaction: a finding with an open episode for
 * its (rule, key) only moves that episode's last_true_at; one without opens a new episode (the
 * alert, returned for delivery); an open episode whose condition has been false for the rule's
 * cool-down (or whose rule is gone or disabled) is resolved. So a keyword hit by 500 mentions in
 * a minute, or a surge that lasts an hour, is one alert. `enqueue` writes the new alerts'
 * deliveries in the same transaction, so an alert is never stored without them (nor they without it).
 */
export async function reconcileEpisodes(
  store: Store,
  rules: readonly Rule[],
  findings: Map<number, Finding[]>,
  now: number,
  enqueue: (tx: Executor, opened: readonly AlertRow[]) => Promise<void> = async () => undefined,
  /** Rules whose evaluator failed this tick: their open episodes are neither touched nor ended (unknown is not false). */
  undecided: ReadonlySet<number> = new Set(),
): Promise<AlertRow[]> {
  return store.write(async (tx) => {
    const open = await openEpisodes(tx);
    const openBy = new Map(open.map((a) => [`${a.rule_id}|${a.key}`, a]));
    const ruleBy = new Map(rules.map((r) => [r.id, r]));
    const touched: number[] = [];
    const opened: AlertRow[] = [];
    const seen = new Set<string>();
    for (const rule of rules) {
      for (const f of findings.get(rule.id) ?? []) {
        const k = `${rule.id}|${f.key}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const ep = openBy.get(k);
        if (ep) {
          touched.push(ep.id);
          continue;
        }
        const row = await insertAlert(tx, {
          rule_id: rule.id,
          rule_version: rule.version,
          rule_name: rule.name,
          kind: rule.condition.kind,
          severity: rule.severity,
          key: f.key,
          title: f.title,
          body: f.body,
          link: f.link,
          opened_at: now,
          last_true_at: now,
          resolved_at: null,
          acknowledged_at: null,
          acknowledged_by: null,
          escalated_at: null,
        });
        if (row) opened.push(row);
      }
    }
    const ended = open.filter((a) => {
      if (seen.has(`${a.rule_id}|${a.key}`) || undecided.has(a.rule_id)) return false;
      const rule = ruleBy.get(a.rule_id);
      return !rule || now - a.last_true_at >= rule.cooldownMinutes * 60_000;
    });
    await touchAlerts(tx, touched, now);
    await resolveAlerts(
      tx,
      ended.map((a) => a.id),
      now,
    );
    await enqueue(tx, opened);
    return opened;
  });
}
