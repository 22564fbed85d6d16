import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { MentionPage } from '../../shared/contracts/api.js';
import type { AgreementReport } from '../../shared/contracts/review.js';
import { launchBrowser } from '../support/browser.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';
import { openSignedIn } from './signed-in.js';

const RUN = Date.now().toString(36);
const KEYWORD = `复核${RUN}`;
const ID = `review-${RUN}`;

describe('correcting a tag in a real browser', () => {
  let sys: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
    const res = await sys.postMentions([
      { id: ID, platform: 'weibo', kind: 'post', text: `${KEYWORD} 小区门口的路灯坏了三个月了`, createdAt: new Date().toISOString(), author: { id: 'u1', name: '住户小王' } },
    ]);
    expect(res.status).toBe(202);
    await eventually(async () => {
      const page = (await (await sys.fetch(`/api/v1/mentions?q=${encodeURIComponent(KEYWORD)}`)).json()) as MentionPage;
      return page.items.length === 1 ? true : undefined;
    }, 'the mention to be stored');
  });

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('reviews a mention from the analyst table: the stored tags, the counts and the agreement page follow', async () => {
    const { page, context, errors } = await openSignedIn(browser, sys, { lang: 'en' });
    try {
      const before = (await (await sys.fetch(`/api/v1/mentions?q=${encodeURIComponent(KEYWORD)}`)).json()) as MentionPage;
      const was = before.items[0]!.tags;
      const target = was.sentiment.label === 'negative' ? 'positive' : 'negative';

      await page.goto(`${sys.baseUrl}/analyst?q=${encodeURIComponent(KEYWORD)}`);
      const rows = page.locator('[data-testid="mention-table"] tbody tr');
      await expect.poll(() => rows.count()).toBe(1);
      await rows.first().getByTestId('row-review').click();
      const editor = page.getByTestId('review-editor');
      await editor.waitFor();
      // The review is signed by the signed-in user.
      expect(await editor.getByTestId('officer-name').textContent()).toBe(sys.auth.username);
      expect(await editor.getByTestId('review-submit').textContent()).toBe('Confirm all');
      await editor.getByTestId('review-sentiment').selectOption(target);
      await editor.getByTestId('review-critical').setChecked(true);
      expect(await editor.getByTestId('review-submit').textContent()).toBe('Save corrections');
      await editor.getByTestId('review-submit').click();
      await page.getByTestId('reviewed-mark').first().waitFor();

      const after = (await (await sys.fetch(`/api/v1/mentions?q=${encodeURIComponent(KEYWORD)}`)).json()) as MentionPage;
      expect(after.items[0]).toMatchObject({ reviewed: true, tags: { sentiment: { label: target }, critical: true, emotion: was.emotion } });

      // Closing the dialog shows the table re-read with the corrected tags.
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await rows.first().textContent()) ?? '').toContain('Reviewed');

      const report = (await (await sys.fetch(`/api/v1/review/agreement`)).json()) as AgreementReport;
      const sentiment = report.tags.find((t) => t.tag === 'sentiment')!;
      expect(sentiment).toMatchObject({ reviewed: 1, agreed: 0 });
      await page.goto(`${sys.baseUrl}/agreement`);
      await page.getByTestId('agreement-table').waitFor();
      expect(await page.getByTestId('agreement-sentiment').textContent()).toBe('0%');
      expect(await page.getByTestId('agreement-emotion').textContent()).toBe('100%');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
