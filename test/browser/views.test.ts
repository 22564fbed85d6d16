import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { MentionPage } from '../../shared/contracts/api.js';
import type { DailySummary } from '../../shared/contracts/views.js';
import { launchBrowser } from '../support/browser.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';
import { openSignedIn } from './signed-in.js';

const RUN = Date.now().toString(36);
// A keyword no other mention contains, so the search result is exactly our thread.
const KEYWORD = `网传${RUN}小区`;
const ROOT_ID = `views-${RUN}-root`;

describe('dashboard views in a real browser', () => {
  let sys: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
    const createdAt = new Date().toISOString();
    const res = await sys.postMentions([
      { id: ROOT_ID, platform: 'weibo', kind: 'post', text: `${KEYWORD}发生持刀伤人事件，警察到现在都不管，太不负责了！`, createdAt, author: { id: 'a1', name: '围观群众' } },
      { id: `views-${RUN}-r1`, platform: 'weibo', kind: 'reply', parentId: ROOT_ID, rootId: ROOT_ID, text: '真的假的？有没有官方通报？', createdAt },
      { id: `views-${RUN}-r2`, platform: 'weibo', kind: 'reply', parentId: ROOT_ID, rootId: ROOT_ID, text: '假的，我就住这里，根本没有这回事', createdAt },
      { id: `views-${RUN}-p1`, platform: 'weibo', kind: 'repost', parentId: ROOT_ID, rootId: ROOT_ID, text: '转发微博', createdAt },
    ]);
    expect(res.status).toBe(202);
    // Wait until the worker has stored all four, so the views below read a settled store.
    await eventually(async () => {
      const page = (await (await sys.fetch(`/api/v1/mentions?q=${encodeURIComponent(KEYWORD)}`)).json()) as MentionPage;
      const all = (await (await sys.fetch(`/api/v1/threads/${encodeURIComponent(`weibo:${ROOT_ID}`)}`)).json()) as {
        replies: unknown[];
        reposts: unknown[];
      };
      return page.items.length === 1 && all.replies.length === 2 && all.reposts.length === 1 ? true : undefined;
    }, 'the test thread to be stored');
  });

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('finds a Chinese mention by keyword in /analyst, opens its thread, and closes it with Escape', async () => {
    const { page, context, errors } = await openSignedIn(browser, sys, { lang: 'zh' });
    try {
      await page.goto(`${sys.baseUrl}/analyst`);
      await page.getByTestId('mention-table').waitFor();
      await page.getByLabel('关键词').fill(KEYWORD);
      await page.getByLabel('关键词').press('Enter');
      // The filter is written to the URL, so the search can be shared.
      await page.waitForURL((u) => new URL(u).searchParams.get('q') === KEYWORD);
      const rows = page.locator('[data-testid="mention-table"] tbody tr');
      await expect.poll(() => rows.count()).toBe(1);
      await expect.poll(() => page.getByTestId('mention-table').getAttribute('aria-busy')).toBe('false');
      expect(await rows.first().textContent()).toContain(KEYWORD);
      expect(await page.getByTestId('export-csv').getAttribute('href')).toContain(`q=${encodeURIComponent(KEYWORD)}`);

      // Keyboard only: focus the row, Enter opens the thread.
      await rows.first().focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByTestId('thread-dialog');
      await dialog.locator('article').first().waitFor();
      const text = await dialog.textContent();
      expect(text).toContain(KEYWORD);
      expect(text).toContain('有没有官方通报');
      expect(text).toContain('根本没有这回事');
      expect(await dialog.locator('article').count()).toBe(4);

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-uid'))).toBe(`weibo:${ROOT_ID}`);

      // A shared link reproduces the search.
      await page.goto(`${sys.baseUrl}/analyst?q=${encodeURIComponent(KEYWORD)}&critical=false&sentiment=positive`);
      await page.getByTestId('no-results').waitFor();
      expect(await page.getByLabel('关键词').inputValue()).toBe(KEYWORD);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('renders the daily summary totals the API reports', async () => {
    const summary = (await (await sys.fetch(`/api/v1/summary`)).json()) as DailySummary;
    expect(summary.totals.total).toBeGreaterThanOrEqual(4);
    const { page, context, errors } = await openSignedIn(browser, sys, { lang: 'en' });
    try {
      await page.goto(`${sys.baseUrl}/summary`);
      const total = page.getByTestId('summary-total');
      await total.waitFor();
      expect(await total.locator('.kpi-value').textContent()).toBe(summary.totals.total.toLocaleString('en-GB'));
      expect(await page.getByTestId('summary-date').inputValue()).toBe(summary.date);
      // Previous day: a different date in the URL and a summary for it.
      await page.getByTestId('prev-day').click();
      await page.waitForURL(/date=\d{4}-\d{2}-\d{2}/);
      await total.waitFor();
      expect(await page.getByTestId('summary-date').inputValue()).not.toBe(summary.date);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('switches the interface to English, sets <html lang> and remembers the choice', async () => {
    const { page, context } = await openSignedIn(browser, sys);
    try {
      await page.goto(`${sys.baseUrl}/live`);
      const nav = page.getByTestId('main-nav');
      expect(await nav.textContent()).toContain('实时值守');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await page.getByTestId('lang-en').click();
      await expect.poll(() => nav.textContent()).toContain('Analyst');
      expect(await nav.textContent()).not.toContain('实时值守');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
      await page.reload();
      await expect.poll(() => page.getByTestId('main-nav').textContent()).toContain('Daily summary');
    } finally {
      await context.close();
    }
  });

  // Last in the file: it stops this file's server.
  it('shows the offline state and a banner on /live when the server goes away', async () => {
    const { page, context } = await openSignedIn(browser, sys, { lang: 'en' });
    try {
      await page.goto(`${sys.baseUrl}/live`);
      const state = page.getByTestId('connection-state');
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
      expect(await page.getByTestId('offline-banner').count()).toBe(0);
      await sys.stopServer();
      await page.locator('[data-testid="connection-state"][data-state="offline"]').waitFor({ timeout: 30_000 });
      expect(await state.textContent()).toContain('Offline');
      expect(await page.getByTestId('offline-banner').textContent()).toMatch(/cannot be reached/);
    } finally {
      await context.close();
    }
  });
});
