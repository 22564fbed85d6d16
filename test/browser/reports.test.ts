import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { openSignedIn } from './signed-in.js';
import { startSystem, type TestSystem } from '../support/system.js';

describe('reports page in a real browser', () => {
  let sys: TestSystem;
  let browser: Browser;
  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('offers a day’s report for download and keeps one in the archive', async () => {
    const { page, errors, context } = await openSignedIn(browser, sys, { lang: 'en' });
    await page.goto(`${sys.baseUrl}/live`);
    await page.getByTestId('main-nav').getByRole('link', { name: 'Reports' }).click();
    await page.getByTestId('report-date').fill('2026-01-07');
    await page.getByRole('radio', { name: 'Weekly' }).check();
    await page.getByRole('combobox', { name: 'Format' }).selectOption('pdf');
    expect(await page.getByTestId('report-download').getAttribute('href')).toBe('/api/v1/reports/weekly?week=2026-01-05&lang=en&format=pdf');
    await page.getByTestId('report-keep').click();
    const row = page.getByTestId('report-archive').locator('tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('2026-01-05 – 2026-01-11');
    const href = await row.first().getByRole('link').getAttribute('href');
    const res = await sys.fetch(`${sys.baseUrl}${href}`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(errors).toEqual([]);
    await context.close();
  });
});
