import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { openSignedIn } from './signed-in.js';

// Real server, real worker, real Redis, real Chromium: the duty officer's chart must move when
// mentions are ingested, with nothing mocked in between.
describe('/live in a real browser', () => {
  let sys: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('shows the connection, then counts newly ingested mentions in the volume chart', async () => {
    const { page, context, errors } = await openSignedIn(browser, sys);
    try {
      await page.goto(`${sys.baseUrl}/`);
      // `/` lands on the live view.
      await page.waitForURL(/\/live$/);
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
      const total = page.getByTestId('live-total');
      await total.waitFor({ state: 'attached' });
      const before = Number(await total.textContent());
      expect(Number.isInteger(before)).toBe(true);

      const run = Date.now().toString(36);
      const createdAt = new Date().toISOString();
      const batch = [
        { id: `live-${run}-1`, platform: 'weibo', kind: 'post', text: '今天派出所民警帮我找回了丢失的钱包，非常感谢！', createdAt },
        { id: `live-${run}-2`, platform: 'weibo', kind: 'post', text: '警方通报：某路段发生交通事故，请绕行。', createdAt },
        { id: `live-${run}-3`, platform: 'weibo', kind: 'post', text: '出警太慢了，打了三次电话都没人来，太让人失望', createdAt },
        { id: `live-${run}-4`, platform: 'twitter', kind: 'post', text: 'The police handled the flood rescue very well today.', createdAt },
        { id: `live-${run}-5`, platform: 'weibo', kind: 'reply', parentId: `live-${run}-1`, rootId: `live-${run}-1`, text: '点赞！', createdAt },
      ];
      const res = await sys.postMentions(batch);
      expect(res.status).toBe(202);
      expect(await res.json()).toMatchObject({ accepted: batch.length, rejected: [] });

      await expect.poll(async () => Number(await total.textContent()), { timeout: 30_000 }).toBe(before + batch.length);
      // The canvas's text alternative carries the same total.
      expect(await page.getByTestId('live-volume-chart').getAttribute('aria-label')).toContain(String(before + batch.length));
      await expect.poll(async () => page.getByTestId('kpi-total').textContent()).toContain(String(before + batch.length));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
