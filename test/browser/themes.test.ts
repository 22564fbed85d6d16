import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimReportDelivery, finishReportDelivery } from '../../shared/store/repos/report-deliveries.js';
import { launchBrowser } from '../support/browser.js';
import { axeViolations, type Violation } from './axe.js';
import { openSignedIn } from './signed-in.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

const RUN = Date.now().toString(36);
const VIEWS = ['/live', '/analyst', '/summary', '/incidents', '/review', '/agreement', '/wall', '/admin/alert-rules', '/admin/alert-rules/new', '/admin/contact-points', '/admin/contact-points/new'];

/**
 * The report delivery page with something in every part: a webhook subscribed to both reports, and
 * a sent and a failed delivery in the log (recorded through the store as a scheduled pass does).
 */
async function withReportDelivery(sys: TestSystem): Promise<void> {
  const cp = await sys.fetch('/api/v1/contact-points', { method: 'POST', body: JSON.stringify({ kind: 'webhook', name: 'OA', url: 'http://127.0.0.1:9/hook' }) });
  expect(cp.status).toBe(201);
  const contactPointId = ((await cp.json()) as { id: number }).id;
  const sub = await sys.fetch('/api/v1/reports/subscriptions', { method: 'POST', body: JSON.stringify({ contactPointId, daily: true, weekly: true, lang: 'zh' }) });
  expect(sub.status).toBe(201);
  for (const [period, status] of [['2026-01-06', 'sent'], ['2026-01-07', 'failed']] as const) {
    await sys.store.write(async (tx) => {
      const id = await claimReportDelivery(tx, { contactPointId, kind: 'day', period, lang: 'zh' }, Date.now());
      if (id === null) throw new Error('claimed twice');
      await finishReportDelivery(tx, id, { status, attempts: 1, error: status === 'failed' ? 'HTTP 401' : null }, Date.now());
    });
  }
  VIEWS.push('/admin/report-delivery');
}

describe('themes, wall display and accessibility in a real browser', () => {
  let sys: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
    await withReportDelivery(sys);
    const at = new Date().toISOString();
    // Every tone the views colour: negative and critical, positive, neutral, a query and a denial.
    const res = await sys.postMentions([
      { id: `th-${RUN}-1`, platform: 'weibo', kind: 'post', text: `报警三次都没人来，派出所就是这么为人民服务的？${RUN}`, createdAt: at, author: { id: 'a1', name: '市民' }, metrics: { likes: 40 } },
      { id: `th-${RUN}-2`, platform: 'weibo', kind: 'post', text: `今天在科技大道看到警察帮老人过马路，好暖心 ${RUN}`, createdAt: at },
      { id: `th-${RUN}-3`, platform: 'weibo', kind: 'post', text: `网传${RUN}水厂被投毒，千万别喝自来水！`, createdAt: at, metrics: { reposts: 300 } },
      { id: `th-${RUN}-4`, platform: 'weibo', kind: 'reply', rootId: `th-${RUN}-3`, parentId: `th-${RUN}-3`, text: '真的假的？有官方消息吗', createdAt: at },
      { id: `th-${RUN}-5`, platform: 'weibo', kind: 'reply', rootId: `th-${RUN}-3`, parentId: `th-${RUN}-3`, text: '假的，已经辟谣了', createdAt: at },
      { id: `th-${RUN}-6`, platform: 'twitter', kind: 'post', text: `Road closed near the station today ${RUN}`, createdAt: at, lang: 'en' },
    ]);
    expect(res.status).toBe(202);
    await eventually(async () => ((await sys.storedCount()) >= 6 ? true : undefined), 'the fixture mentions to be stored');
    // The alert pages with something on them: a contact point with a stored secret and a rule using it.
    const cp = await sys.fetch('/api/v1/contact-points', { method: 'POST', body: JSON.stringify({ kind: 'dingtalk', name: '值班群', url: 'http://127.0.0.1:9/robot?access_token=x', secret: 'SECx' }) });
    expect(cp.status).toBe(201);
    const cpId = ((await cp.json()) as { id: number }).id;
    const rule = await sys.fetch('/api/v1/alert-rules', {
      method: 'POST',
      body: JSON.stringify({ name: '袭警', severity: 'critical', condition: { kind: 'keyword', rules: [{ any: ['袭警'] }] }, contactPoints: [cpId], escalation: { afterMinutes: 10, contactPoints: [cpId] } }),
    });
    expect(rule.status).toBe(201);
    VIEWS.push(`/admin/contact-points/${cpId}`, `/admin/alert-rules/${((await rule.json()) as { id: number }).id}`);
  });

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations on any view in the ${scheme} theme (system setting ${scheme})`, async () => {
      const { page, context } = await openSignedIn(browser, sys, { lang: 'zh', colorScheme: scheme, bypassCSP: true });
      try {
        const found: Record<string, Violation[]> = {};
        for (const view of VIEWS) {
          await page.goto(`${sys.baseUrl}${view}`);
          await page.locator('main h1, main h2').first().waitFor();
          // The views fill in from the API and the socket; judge them once they show data.
          await page.waitForLoadState('networkidle');
          const v = await axeViolations(page);
          if (v.length) found[view] = v;
        }
        expect(found).toEqual({});
      } finally {
        await context.close();
      }
    });
  }

  it('switches to the dark theme, remembers it, and goes back to following the system', async () => {
    const { page, context } = await openSignedIn(browser, sys, { lang: 'en', colorScheme: 'light' });
    try {
      await page.goto(`${sys.baseUrl}/live`);
      const background = () => page.evaluate(() => getComputedStyle(document.body.parentElement as HTMLElement).backgroundColor);
      const light = await background();
      await page.getByTestId('theme-dark').click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      const dark = await background();
      expect(dark).not.toBe(light);
      await page.reload();
      await page.getByTestId('theme-dark').waitFor();
      expect(await page.getByTestId('theme-dark').getAttribute('aria-pressed')).toBe('true');
      expect(await background()).toBe(dark);
      await page.getByTestId('theme-system').click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null)).toBeNull();
      expect(await background()).toBe(light);
    } finally {
      await context.close();
    }
  });

  it('shows the wall display without navigation, one panel at a time, turning every 15 s', async () => {
    const { page, context } = await openSignedIn(browser, sys, { lang: 'zh', viewport: { width: 1920, height: 1080 } });
    try {
      await page.clock.install();
      await page.goto(`${sys.baseUrl}/wall`);
      await page.getByTestId('wall').waitFor();
      await page.getByTestId('kpi-total').waitFor();
      expect(await page.getByTestId('main-nav').count()).toBe(0);
      const visible = () => page.locator('.grid-live > section.panel:not([hidden])').evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')));
      expect(await visible()).toEqual(['volume-title']);
      await page.clock.fastForward(15_000);
      await expect.poll(visible).toEqual(['topics-title']);
      // Type readable across a room: larger than the desk view's 14 px.
      const size = await page.getByTestId('wall').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      expect(size).toBeGreaterThanOrEqual(18);
      await page.keyboard.press('Escape');
      await page.getByTestId('main-nav').waitFor();
      expect(new URL(page.url()).pathname).toBe('/live');
    } finally {
      await context.close();
    }
  });
});
