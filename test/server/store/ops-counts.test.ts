import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAlert, insertAlertRule, logDelivery } from '../../../shared/store/repos/alerts.js';
import { insertContactPoint } from '../../../shared/store/repos/contact-points.js';
import { alertsByKind, deliveryAttemptsByChannel } from '../../../shared/store/repos/ops-counts.js';
import { BACKENDS, openTestStore, stopTestCluster, type TestStore } from '../../support/stores.js';

const T0 = Date.UTC(2026, 2, 9, 6, 30, 0);

afterAll(() => stopTestCluster());

describe.each(BACKENDS)('the alert totals GET /metrics reads (%s)', (backend) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(backend);
  });
  afterAll(() => t?.close());

  it('counts alerts by kind and severity, and delivery attempts by channel and outcome', async () => {
    expect(await alertsByKind(t.store.db)).toEqual([]);
    expect(await deliveryAttemptsByChannel(t.store.db)).toEqual([]);
    const rule = await t.store.write((tx) => insertAlertRule(tx, '{}', true, T0, 'test'));
    const alert = (key: string, kind: string, severity: string) => ({
      rule_id: rule, rule_version: 1, rule_name: 'r', kind, severity, key, title: 't', body: 'b', link: '/', opened_at: T0,
      last_true_at: T0, resolved_at: null, acknowledged_at: null, acknowledged_by: null, escalated_at: null,
    });
    const a1 = await t.store.write((tx) => insertAlert(tx, alert('a', 'keyword', 'critical')));
    await t.store.write((tx) => insertAlert(tx, alert('b', 'keyword', 'critical')));
    await t.store.write((tx) => insertAlert(tx, alert('c', 'surge', 'warning')));
    const cp = (kind: string) => insertContactPoint(t.store.db, { name: kind, kind, settings: '{}', secrets: null, updated_at: T0, updated_by: 'test' });
    const hook = await cp('webhook');
    const ding = await cp('dingtalk');
    const attempt = (contact: number, attemptNo: number, status: string) =>
      logDelivery(t.store.db, { alert_id: a1!.id, contact_point_id: contact, attempt: attemptNo, status, response_code: null, error: null, at: T0 });
    await attempt(hook, 1, 'failed');
    await attempt(hook, 2, 'sent');
    await attempt(ding, 1, 'sent');
    await attempt(ding, 0, 'suppressed');

    const sort = <T>(xs: T[]) => [...xs].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    expect(sort(await alertsByKind(t.store.db))).toEqual([
      { kind: 'keyword', severity: 'critical', n: 2 },
      { kind: 'surge', severity: 'warning', n: 1 },
    ]);
    expect(sort(await deliveryAttemptsByChannel(t.store.db))).toEqual([
      { channel: 'dingtalk', status: 'sent', n: 1 },
      { channel: 'dingtalk', status: 'suppressed', n: 1 },
      { channel: 'webhook', status: 'failed', n: 1 },
      { channel: 'webhook', status: 'sent', n: 1 },
    ]);
  });
});
