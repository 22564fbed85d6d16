import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertRuleView, AlertView, ContactPointView } from '../../shared/contracts/alerts.js';
import type { Credentials } from '../support/accounts.js';
import { launchBrowser } from '../support/browser.js';
import { RECEIVER_SECRETS, startHttpReceiver, type HttpReceiver } from '../support/receivers.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { axeViolations } from './axe.js';
import { openSignedIn, realErrors, userWith } from './signed-in.js';

/**
 * The alerting pages in real Chromium against the real server: an administrator sets up a webhook
 * (checked by a local receiver that verifies the signature) and a keyword rule through the forms;
 * mentions posted through the ingest API trip the rule on the evaluator's timer, and a duty
 * officer on /live sees the pushed alert and acknowledges it.
 */
const RUN = Date.now().toString(36);
const WORD = `袭警${RUN}`;

describe('alert rules and contact points in a real browser', () => {
  let sys: TestSystem;
  let browser: Browser;
  let http: HttpReceiver;
  let admin: Credentials;
  let officer: Credentials;
  let hook: ContactPointView | undefined;
  let rule: AlertRuleView | undefined;

  beforeAll(async () => {
    http = await startHttpReceiver();
    [sys, browser] = await Promise.all([startSystem({ notify: { intervalMs: 500 } }), launchBrowser()]);
    admin = await userWith(sys, ['admin']);
    officer = await userWith(sys, ['duty_officer']);
  });

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
    await http?.close();
  });

  const api = async <T>(who: Credentials, path: string): Promise<T> => {
    const res = await fetch(`${sys.baseUrl}/api/v1${path}`, { headers: who.headers() });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  async function adminPage(path: string): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
    const { page, context, errors } = await openSignedIn(browser, sys, { lang: 'en', as: admin });
    await page.goto(`${sys.baseUrl}${path}`);
    return { page, errors, close: () => context.close() };
  }

  it('creates a webhook contact point, sends a test and shows it in the delivery log; a refused test shows the receiver’s reason', async () => {
    const { page, close, errors } = await adminPage('/admin/contact-points');
    try {
      await page.getByTestId('cp-new').click();
      await page.waitForURL((u) => u.pathname === '/admin/contact-points/new');
      await page.getByTestId('cp-kind').selectOption('webhook');
      await page.getByTestId('cp-name').fill(`SMS gateway ${RUN}`);
      await page.getByTestId('cp-url').fill(`${http.url}/hook`);
      await page.getByTestId('cp-secret').fill(RECEIVER_SECRETS.webhook);
      await page.getByTestId('cp-save').click();
      await page.waitForURL((u) => /^\/admin\/contact-points\/\d+$/.test(u.pathname));
      // Secrets are write-only: the form is empty again and says only that they are stored.
      await page.locator('[data-testid="cp-secret-state"][data-state="set"]').waitFor();
      expect(await page.getByTestId('cp-url-state').getAttribute('data-state')).toBe('set');
      expect(await page.getByTestId('cp-secret').inputValue()).toBe('');
      expect(await page.content()).not.toContain(RECEIVER_SECRETS.webhook);
      hook = (await api<{ items: ContactPointView[] }>(admin, '/contact-points')).items.find((c) => c.name === `SMS gateway ${RUN}`);
      expect(hook).toMatchObject({ kind: 'webhook', secrets: { url: 'set', secret: 'set' } });

      await page.getByTestId('delivery-log').waitFor();
      expect(await page.getByTestId('delivery-row').count()).toBe(0);
      await page.getByTestId('send-test-button').click();
      const result = page.getByTestId('send-test-result');
      await result.waitFor();
      expect(await result.getAttribute('data-status')).toBe('sent');
      expect(await result.textContent()).toContain('HTTP 200');
      // The receiver checked the signature made with the stored secret.
      expect(http.on('/hook')).toHaveLength(1);
      expect(http.on('/hook')[0]?.problem).toBeNull();
      await page.locator('[data-testid="delivery-row"][data-status="sent"]').waitFor();
      expect(await page.getByTestId('delivery-row').count()).toBe(1);

      // An edit that leaves the secrets empty keeps them: the test still passes the signature check.
      await page.getByTestId('cp-name').fill(`SMS gateway ${RUN} (renamed)`);
      await page.getByTestId('cp-save').click();
      await page.getByTestId('cp-saved').waitFor();
      await page.getByTestId('send-test-button').click();
      await page.locator('[data-testid="delivery-row"]').nth(1).waitFor();
      expect(await page.getByTestId('send-test-result').getAttribute('data-status')).toBe('sent');
      expect(http.on('/hook').map((r) => r.problem)).toEqual([null, null]);

      // A receiver that refuses (wrong signing secret): the page shows its answer.
      await page.goto(`${sys.baseUrl}/admin/contact-points/new`);
      await page.getByTestId('cp-name').fill(`wrong secret ${RUN}`);
      await page.getByTestId('cp-url').fill(`${http.url}/hook-wrong`);
      await page.getByTestId('cp-secret').fill('not-the-secret');
      await page.getByTestId('cp-save').click();
      await page.getByTestId('send-test-button').click();
      await page.locator('[data-testid="send-test-result"][data-status="failed"]').waitFor();
      expect(await page.getByTestId('send-test-result').textContent()).toContain('bad signature');
      await page.locator('[data-testid="delivery-row"][data-status="failed"]').waitFor();
      expect(realErrors(errors)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('creates a keyword rule with the form, shows the server’s refusal beside it, and explains a stale edit', async () => {
    expect(hook).toBeDefined();
    const { page, close } = await adminPage('/admin/alert-rules');
    try {
      await page.getByTestId('rule-new').click();
      await page.waitForURL((u) => u.pathname === '/admin/alert-rules/new');
      await page.getByTestId('rule-name').fill(`Assault ${RUN}`);
      await page.getByTestId('rule-severity').selectOption('critical');
      await page.getByTestId('rule-kind').selectOption('keyword');
      // Only "none" words: the rule language needs an "any" or "all" keyword.
      await page.getByTestId('keyword-none').fill('演习');
      await page.getByTestId('rule-save').click();
      const refused = page.getByTestId('rule-refused');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('at least one keyword');
      expect(new URL(page.url()).pathname).toBe('/admin/alert-rules/new');

      await page.getByTestId('keyword-any').fill(`${WORD}, 襲警${RUN}`);
      await page.getByTestId('keyword-exclude').fill('演习');
      await page.locator(`[data-testid="rule-contact-points"] input[data-value="${hook!.id}"]`).check();
      await page.getByTestId('rule-cooldown').fill('5');
      await page.getByTestId('rule-save').click();
      await page.waitForURL((u) => /^\/admin\/alert-rules\/\d+$/.test(u.pathname));
      await page.getByTestId('rule-notice').waitFor();
      expect(await page.getByTestId('rule-notice').textContent()).toContain('version 1');
      const id = Number(new URL(page.url()).pathname.split('/').pop());
      rule = await api<AlertRuleView>(admin, `/alert-rules/${id}`);
      expect(rule).toMatchObject({
        name: `Assault ${RUN}`,
        severity: 'critical',
        enabled: true,
        cooldownMinutes: 5,
        contactPoints: [hook!.id],
        condition: { kind: 'keyword', rules: [{ any: [WORD, `襲警${RUN}`], all: [], none: ['演习'] }], exclude: ['演习'] },
      });
      await page.getByTestId('rule-version').first().waitFor();
      expect(await page.getByTestId('rule-version').count()).toBe(1);

      // Someone else saves version 2 meanwhile; this page still edits version 1.
      const { id: _id, version: _v, updatedAt: _at, updatedBy: _by, ...config } = rule;
      const other = await fetch(`${sys.baseUrl}/api/v1/alert-rules/${id}`, { method: 'PUT', headers: sys.auth.headers({ 'if-match': '1' }), body: JSON.stringify({ ...config, severity: 'warning' }) });
      expect(other.status).toBe(200);
      await page.getByTestId('rule-name').fill(`Assault ${RUN} (edited)`);
      await page.getByTestId('rule-save').click();
      await page.getByTestId('rule-stale').waitFor();
      expect(await page.getByTestId('rule-stale').textContent()).toContain('version 1');
      expect((await api<AlertRuleView>(admin, `/alert-rules/${id}`)).name).toBe(`Assault ${RUN}`);
      // Reload shows version 2 (warning); put critical back and save as version 3.
      await page.getByTestId('rule-stale').getByRole('button').click();
      await expect.poll(() => page.getByTestId('rule-severity').inputValue()).toBe('warning');
      await page.getByTestId('rule-severity').selectOption('critical');
      await page.getByTestId('rule-save').click();
      await expect.poll(async () => page.getByTestId('rule-notice').textContent()).toContain('version 3');
      await expect.poll(() => page.getByTestId('rule-version').count()).toBe(3);
      rule = await api<AlertRuleView>(admin, `/alert-rules/${id}`);
      expect(rule.severity).toBe('critical');

      await page.goto(`${sys.baseUrl}/admin/alert-rules`);
      const row = page.locator(`[data-testid="rule-row"][data-name="Assault ${RUN}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('v3');
    } finally {
      await close();
    }
  });

  it('shows a duty officer on /live the alert the rule raises from ingested mentions, and acknowledges it', async () => {
    expect(rule).toBeDefined();
    const { page, context, errors } = await openSignedIn(browser, sys, { lang: 'en', as: officer, colorScheme: 'dark', bypassCSP: true });
    try {
      await page.goto(`${sys.baseUrl}/live`);
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
      await page.getByTestId('kpi-total').waitFor();
      expect(await page.getByTestId('alert-banner').count()).toBe(0);

      const at = new Date().toISOString();
      const res = await sys.postMentions([
        { id: `al-${RUN}-1`, platform: 'weibo', kind: 'post', text: `网传地铁站有人${WORD}，民警受伤`, createdAt: at },
        { id: `al-${RUN}-2`, platform: 'weibo', kind: 'post', text: `今天天气很好 ${RUN}`, createdAt: at },
      ]);
      expect(res.status).toBe(202);

      const banner = page.getByTestId('alert-banner');
      await banner.waitFor({ timeout: 45_000 });
      expect(await banner.getAttribute('data-severity')).toBe('critical');
      expect(await banner.textContent()).toContain(`Assault ${RUN}`);
      const href = await page.getByTestId('alert-banner-link').getAttribute('href');
      expect(href).toMatch(/^\/analyst\?q=/);
      // The bell counts it at once.
      await expect.poll(async () => Number(await page.getByTestId('alert-bell-count').textContent())).toBeGreaterThanOrEqual(1);
      const id = Number(await banner.getAttribute('data-alert'));
      // The banner in the dark theme (the theme test covers the pages without it) passes axe.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      expect(await axeViolations(page)).toEqual([]);

      await page.getByTestId('alert-banner-ack').click();
      await expect.poll(() => page.getByTestId('alert-banner').count()).toBe(0);
      const all = await api<{ items: AlertView[] }>(officer, '/alerts?state=all');
      expect(all.items.find((a) => a.id === id)).toMatchObject({ ruleId: rule!.id, acknowledgedBy: officer.username });
      await expect.poll(async () => page.getByTestId('alert-bell-count').count()).toBe(0);
      expect(realErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }

    // The administrator sees the alert with its delivery to the webhook.
    const { page: adminView, close } = await adminPage('/admin/alert-rules');
    try {
      const recent = adminView.locator('[data-testid="recent-alert"]').filter({ hasText: `Assault ${RUN}` });
      await recent.first().waitFor();
      await recent.first().getByTestId('recent-alert-log').click();
      await recent.first().locator('[data-testid="delivery-row"][data-status="sent"]').waitFor();
    } finally {
      await close();
    }
  });

  it('answers the alert admin pages with the 403 page for a user without alerts.manage', async () => {
    const { page, context } = await openSignedIn(browser, sys, { lang: 'en', as: officer });
    try {
      for (const path of ['/admin/alert-rules', '/admin/alert-rules/new', `/admin/alert-rules/${rule?.id ?? 1}`, '/admin/contact-points', '/admin/contact-points/new']) {
        await page.goto(`${sys.baseUrl}${path}`);
        await page.getByTestId('forbidden-page').waitFor();
        expect(await page.getByTestId('rule-form').count(), path).toBe(0);
      }
      const nav = await page.getByTestId('main-nav').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-path')));
      expect(nav).not.toContain('/admin/alert-rules');
    } finally {
      await context.close();
    }
  });
});
