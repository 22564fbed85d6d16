import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { openSignedIn, userWith } from './signed-in.js';
import { clarificationPost, rumourOutbreak } from '../integration/incidents-outbreak.js';

// Real server, worker, Redis and Chromium: an outbreak posted through the API raises the alarm on
// an open /live page, and an officer handles it on /incidents.
describe('rumour incidents in a real browser', () => {
  let sys: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('alerts /live to a new incident, then an officer acknowledges, assigns and closes it', async () => {
    const officer = await userWith(sys, ['duty_officer'], { username: `officer.${Date.now().toString(36)}` });
    const { page, context, errors } = await openSignedIn(browser, sys, { lang: 'en', as: officer });
    try {
      await page.goto(`${sys.baseUrl}/live`);
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
      // The mute choice is kept across visits.
      const mute = page.getByTestId('alert-mute');
      expect(await mute.getAttribute('aria-pressed')).toBe('false');
      await mute.click();
      expect(await mute.getAttribute('aria-pressed')).toBe('true');
      await mute.click();
      expect(await page.evaluate(() => localStorage.getItem('yuqing.alertMuted'))).toBe('0');

      const run = `br${Date.now().toString(36)}`;
      expect((await sys.postMentions(rumourOutbreak(run))).status).toBe(202);
      const alert = page.getByTestId('incident-alert');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toContain('人贩子');
      // The tone was attempted: played, or blocked by the autoplay policy, never an exception.
      await expect.poll(() => alert.getAttribute('data-sound')).toMatch(/^(played|blocked|unsupported)$/);
      expect(await page.getByTestId('nav-incident-count').textContent()).toBe('1');

      await page.getByTestId('incident-alert-link').first().click();
      await page.waitForURL(/\/incidents\/\d+$/);
      await page.getByTestId('incident-story').waitFor();
      expect(await page.getByTestId('incident-status').first().getAttribute('data-status')).toBe('open');
      expect(await page.getByTestId('incident-clock').first().getAttribute('data-level')).toBe('ok');
      expect(await page.getByTestId('evidence-queries').locator('li').count()).toBeGreaterThan(0);

      // Commands are signed by the signed-in duty officer, not by a typed name.
      expect(await page.getByTestId('officer-name').textContent()).toBe(officer.username);
      await page.getByTestId('action-acknowledge').click();
      await expect.poll(() => page.getByTestId('incident-history').textContent()).toContain(officer.username);
      expect(await page.getByTestId('action-acknowledge').isDisabled()).toBe(true);

      await page.getByTestId('action-assignee').fill('李警官');
      await page.getByTestId('action-assign').click();
      await expect.poll(() => page.getByTestId('incident-assignee').textContent()).toBe('李警官');

      // Closing needs a note: the form says so instead of sending.
      await page.getByTestId('action-status').selectOption('clarified');
      await page.getByTestId('action-note').fill('');
      await page.getByTestId('action-set-status').click();
      // The textarea is `required`, so the browser blocks the submit; nothing changed on the server.
      expect(await page.getByTestId('incident-status').first().getAttribute('data-status')).toBe('open');

      // Link the official clarification (ingested first), then close with a note.
      expect((await sys.postMentions([clarificationPost(run)])).status).toBe(202);
      await expect
        .poll(async () => (await sys.fetch(`/api/v1/threads/${encodeURIComponent(`weibo:${run}-clar`)}`)).status, { timeout: 30_000 })
        .toBe(200);
      await page.getByTestId('action-clarification').fill(`${run}-clar`);
      await page.getByTestId('action-link').click();
      await page.getByTestId('incident-effect').waitFor();
      expect(await page.getByTestId('effect-reach-clarification').textContent()).toMatch(/2,000,000/);

      await page.getByTestId('action-note').fill('Clarified by 江城警方');
      await page.getByTestId('action-set-status').click();
      await expect.poll(() => page.getByTestId('incident-status').first().getAttribute('data-status')).toBe('clarified');
      expect(await page.getByTestId('incident-clock').first().getAttribute('data-level')).toBe('stopped');
      const history = await page.getByTestId('incident-history').textContent();
      expect(history).toContain('Clarification linked');
      expect(history).toContain('Clarified by 江城警方');

      // The list shows it under Clarified; the handover sheet no longer lists it; /live's alert is gone.
      await page.goto(`${sys.baseUrl}/incidents?status=clarified`);
      await page.getByTestId('incident-row').first().waitFor();
      expect(await page.getByTestId('incident-row').count()).toBe(1);
      await page.goto(`${sys.baseUrl}/incidents/handover`);
      await page.getByText('No open incidents').waitFor();
      await page.goto(`${sys.baseUrl}/live`);
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
      await page.getByTestId('live-total').waitFor({ state: 'attached' });
      expect(await page.getByTestId('incident-alert').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
