import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../support/accounts.js';
import { launchBrowser, openPage } from '../support/browser.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { realErrors, signInThroughPage } from './signed-in.js';

/** The board asks for a Google web font; the board's CSP refuses it on purpose (an intranet has no such access). */
const notTheWebFont = (errors: string[]) => realErrors(errors).filter((e) => !e.includes('fonts.googleapis.com'));

describe('the queue board in a real browser', () => {
  let sys: TestSystem;
  let browser: Browser;
  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem({ workers: 0 }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('sends a signed-out administrator to sign in and back, draws the mentions queue under its CSP, and is linked from the navigation', async () => {
    expect((await sys.postMentions([{ id: 'board-1', platform: 'weibo', kind: 'post', text: '排队中的一条', createdAt: new Date().toISOString() }])).status).toBe(202);
    const u = await createTestUser(sys.dataDir, ['admin']);
    const { page, context, errors } = await openPage(browser, { lang: 'en' });
    try {
      await page.goto(`${sys.baseUrl}/admin/queues`);
      await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/admin/queues');
      await signInThroughPage(page, sys.baseUrl, u.username, u.password, page.url().slice(sys.baseUrl.length));
      // The board is a server page: the client leaves by a full load, which can abort a waitForURL's own navigation wait.
      await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/queues');
      // The board's own React app drew the queue with its waiting job.
      await page.getByText('mentions', { exact: true }).first().waitFor();
      // Its write calls carry the session's CSRF token (axios reads the XSRF-TOKEN cookie): pausing works.
      const pause = await page.evaluate(async () => {
        const token = /XSRF-TOKEN=([^;]+)/.exec(document.cookie)?.[1] ?? '';
        return (await fetch('/admin/queues/api/queues/mentions/pause', { method: 'PUT', headers: { 'X-XSRF-TOKEN': token } })).status;
      });
      expect(pause).toBe(200);
      expect(notTheWebFont(errors)).toEqual([]);

      await page.goto(`${sys.baseUrl}/admin/users`);
      await page.getByTestId('main-nav').locator('a[data-path="/admin/queues"]').click();
      // The board is a server page: the client leaves by a full load, which can abort a waitForURL's own navigation wait.
      await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/queues');
      await page.getByText('mentions', { exact: true }).first().waitFor();
      expect(notTheWebFont(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
