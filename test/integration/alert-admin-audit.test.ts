import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../shared/contracts/auth.js';
import { signInAs } from '../support/accounts.js';
import { startSystem, type TestSystem } from '../support/system.js';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ workers: 0 });
});
afterAll(async () => sys?.stop());

const admin = (method: string, path: string, body?: unknown) => sys.fetch(`/api/v1${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function auditOf(action: string): Promise<AuditPage['items']> {
  const auditor = await signInAs(sys.baseUrl, sys.dataDir, ['auditor']);
  const res = await fetch(`${sys.baseUrl}/api/v1/audit?action=${action}`, { headers: auditor.headers() });
  expect(res.status).toBe(200);
  return ((await res.json()) as AuditPage).items;
}

describe('alert rule and contact point changes are on the audit log', () => {
  it('records each change with its object and outcome, and never a contact point secret', async () => {
    const SECRET = 'webhook-signing-secret-0123456789';
    const cpRes = await admin('POST', '/contact-points', { kind: 'webhook', name: '短信网关', url: 'http://127.0.0.1:9/hook?token=url-token-abc', secret: SECRET });
    expect(cpRes.status).toBe(201);
    const cp = (await cpRes.json()) as { id: number };
    expect((await admin('PUT', `/contact-points/${cp.id}`, { name: '短信网关（新）' })).status).toBe(200);

    const ruleRes = await admin('POST', '/alert-rules', { name: '袭警', severity: 'critical', condition: { kind: 'keyword', rules: [{ any: ['袭警'] }] }, contactPoints: [cp.id] });
    expect(ruleRes.status).toBe(201);
    const rule = (await ruleRes.json()) as { id: number; version: number };
    // A stale edit is refused and recorded as failed, not as a change.
    const stale = await sys.fetch(`/api/v1/alert-rules/${rule.id}`, {
      method: 'PUT',
      headers: { 'if-match': '99' },
      body: JSON.stringify({ name: '袭警', severity: 'warning', condition: { kind: 'keyword', rules: [{ any: ['袭警'] }] } }),
    });
    expect(stale.status).toBe(409);
    expect((await admin('DELETE', `/alert-rules/${rule.id}`)).status).toBe(200);
    expect((await admin('DELETE', `/contact-points/${cp.id}`)).status).toBe(200);

    const rules = await auditOf('alert_rule.changed');
    expect(rules.map((r) => [r.object, r.detail?.op, r.result, r.actor]).reverse()).toEqual([
      [`alert-rule:${rule.id}`, 'created', 'ok', sys.auth.username],
      [`alert-rule:${rule.id}`, 'updated', 'failed', sys.auth.username],
      [`alert-rule:${rule.id}`, 'deleted', 'ok', sys.auth.username],
    ]);
    const points = await auditOf('contact_point.changed');
    expect(points.map((r) => [r.object, r.detail?.op, r.result]).reverse()).toEqual([
      [`contact-point:${cp.id}`, 'created', 'ok'],
      [`contact-point:${cp.id}`, 'updated', 'ok'],
      [`contact-point:${cp.id}`, 'deleted', 'ok'],
    ]);
    const written = JSON.stringify(points);
    expect(written).not.toContain(SECRET);
    expect(written).not.toContain('url-token-abc');
  });
});
