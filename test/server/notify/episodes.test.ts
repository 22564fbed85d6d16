import { describe, expect, it } from 'vitest';
import { alertRuleInputSchema } from '../../../shared/contracts/alerts.js';
import { enqueueDeliveries, pendingDeliveries } from '../../../shared/store/repos/alert-outbox.js';
import { openEpisodes } from '../../../shared/store/repos/alerts.js';
import { outboxRows } from '../../../server/notify/dispatch.js';
import { reconcileEpisodes } from '../../../server/notify/evaluate/episodes.js';
import type { Finding } from '../../../server/notify/evaluate/finding.js';
import type { Rule } from '../../../server/notify/rules.js';
import { BACKENDS, testStores } from '../../support/stores.js';

/** Episodes in the store: one alert per (rule, key), its deliveries in the same transaction, cool-down, and an evaluator failure. */
const T = Date.UTC(2026, 2, 9, 2, 0, 0);
const MIN = 60_000;
const rule: Rule = { ...alertRuleInputSchema.parse({ name: 'r', condition: { kind: 'new_incident' }, contactPoints: [7, 8], cooldownMinutes: 5 }), id: 1, version: 1 };
const finding: Finding = { key: 'incident:1', title: 't', body: 'b', link: '/incidents/1' };

describe.each(BACKENDS)('alert episodes (%s)', (backend) => {
  const t = testStores(backend);
  const tick = (at: number, found: boolean, undecided = new Set<number>()) =>
    reconcileEpisodes(t.store, [rule], new Map(found ? [[rule.id, [finding]]] : []), at, (tx, opened) => enqueueDeliveries(tx, opened.flatMap((a) => outboxRows(a, rule, rule.contactPoints, 'alert', '', at))), undecided);

  it('opens one episode with its deliveries, ends it after the cool-down, and keeps it through a failed evaluation', async () => {
    expect(await tick(T, true)).toHaveLength(1);
    expect(await tick(T + MIN, true)).toHaveLength(0);
    const deliveries = await pendingDeliveries(t.store.db);
    expect(deliveries.map((d) => d.contact_point_id).sort()).toEqual([7, 8]);
    // Unknown (the evaluator failed) long after the cool-down: still open.
    await tick(T + 30 * MIN, false, new Set([rule.id]));
    expect(await openEpisodes(t.store.db)).toHaveLength(1);
    // False, but within the cool-down of the last true tick: still open.
    await tick(T + 5 * MIN, false);
    expect(await openEpisodes(t.store.db)).toHaveLength(1);
    // False for the whole cool-down: ended; the next true tick is a new episode with new deliveries.
    await tick(T + 6 * MIN, false);
    expect(await openEpisodes(t.store.db)).toHaveLength(0);
    expect(await tick(T + 7 * MIN, true)).toHaveLength(1);
    expect(await pendingDeliveries(t.store.db)).toHaveLength(4);
  });
});
