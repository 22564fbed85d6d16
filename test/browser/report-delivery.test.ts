import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSubscriptionView } from '../../shared/contracts/report-subscriptions.js';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { openSignedIn, realErrors, userWith } from './signed-in.js';

describe('report delivery page in a real browser', () => {
  let sys: TestSystem;
  let browser: Browser;
  let hookId: number;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
    // The contact point comes from the API; its own admin page is another piece of work.
    const res = await sys.fetch('/api/v1/contact-points', { method: 'POST', body: JSON.stringify({ kind: 'webhook', name: 'OA 系统', url: 'http://127.0.0.1:9/hook' }) });
    expect(res.status).toBe(201);
    hookId = ((await res.json()) as { id: number }).id;
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  const listed = async () => ((await (await sys.fetch('/api/v1/reports/subscriptions')).json()) as { items: ReportSubscriptionView[] }).items;

  it('subscribes a webhook to the daily report, shows the refusal of an empty choice, lists and deletes it', async () => {
    const { page, errors, context } = await openSignedIn(browser, sys, { lang: 'en' });
    try {
      await page.goto(`${sys.baseUrl}/admin/users`);
      await page.getByTestId('main-nav').getByRole('link', { name: 'Report delivery' }).click();
      await page.getByTestId('report-delivery-page').waitFor();
      await page.getByText('No contact point receives the reports yet.').waitFor();
      expect(await page.getByTestId('report-deliveries').count()).toBe(0);

      // Neither report ticked: the server refuses, and its reason is what the form shows.
      await page.getByRole('combobox', { name: 'Contact point' }).selectOption({ label: 'OA 系统 · Webhook' });
      await page.getByRole('checkbox', { name: 'Daily report' }).uncheck();
      await page.getByTestId('subscription-save').click();
      const problem = page.getByTestId('subscription-problem');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('daily: a subscription receives the daily report, the weekly report or both');
      expect(await listed()).toEqual([]);

      await page.getByRole('checkbox', { name: 'Daily report' }).check();
      await page.getByTestId('subscription-save').click();
      const row = page.getByTestId('subscription-row');
      await row.first().waitFor();
      expect(await row.count()).toBe(1);
      expect(await row.first().locator('td').evaluateAll((tds) => tds.slice(0, 4).map((td) => td.textContent))).toEqual(['OA 系统', 'Webhook', 'Daily report', 'Chinese']);
      expect(await problem.count()).toBe(0);
      expect((await listed()).map((s) => [s.contactPointId, s.daily, s.weekly, s.lang])).toEqual([[hookId, true, false, 'zh']]);

      // Edit: the weekly report as well, in English.
      await page.getByTestId('subscription-edit').click();
      await page.getByRole('checkbox', { name: 'Weekly report' }).check();
      await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
      await page.getByTestId('subscription-save').click();
      await page.getByRole('cell', { name: 'Daily report, Weekly report' }).waitFor();
      expect((await listed()).map((s) => [s.daily, s.weekly, s.lang])).toEqual([[true, true, 'en']]);

      await page.getByTestId('subscription-delete').click();
      await page.getByTestId('subscription-delete-confirm').click();
      await page.getByText('No contact point receives the reports yet.').waitFor();
      expect(await listed()).toEqual([]);

      // Audit rows are written once each answer has gone out, so the last one may trail the page.
      const audited = async () => {
        const audit = (await (await sys.fetch('/api/v1/audit?action=report_subscription.changed')).json()) as { items: { detail: { op?: string } | null; result: string }[] };
        return audit.items.map((e) => [e.detail?.op, e.result]).reverse();
      };
      await expect.poll(audited).toEqual([
        ['created', 'failed'],
        ['created', 'ok'],
        ['updated', 'ok'],
        ['deleted', 'ok'],
      ]);
      expect(realErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('answers a leader (no alerts.manage) with the 403 page and no navigation entry', async () => {
    const leader = await userWith(sys, ['leader']);
    const { page, context } = await openSignedIn(browser, sys, { lang: 'en', as: leader });
    try {
      await page.goto(`${sys.baseUrl}/admin/report-delivery`);
      await page.getByTestId('forbidden-page').waitFor();
      expect(await page.getByTestId('main-nav').locator('a[data-path="/admin/report-delivery"]').count()).toBe(0);
      expect(await page.getByTestId('report-delivery-page').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
