import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { MentionPage } from '../../shared/contracts/api.js';
import { ROLES, type Role } from '../../shared/contracts/roles.js';
import { createTestUser } from '../support/accounts.js';
import { launchBrowser, openPage } from '../support/browser.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';
import { openSignedIn, realErrors, signInThroughPage, userWith } from './signed-in.js';

const RUN = Date.now().toString(36);

/** Written down here, not read from PAGES: the test checks the table's outcome, not the table against itself. */
const NAV: Record<Role, string[]> = {
  duty_officer: ['/live', '/incidents'],
  analyst: ['/analyst', '/review', '/incidents', '/agreement'],
  leader: ['/live', '/summary', '/reports', '/incidents'],
  admin: ['/admin/users', '/admin/tokens', '/admin/settings', '/admin/alert-rules', '/admin/contact-points', '/admin/report-delivery', '/admin/queues'],
  auditor: ['/audit'],
};
/** Pages the server serves itself (the queue board: test/browser/queue-board.test.ts), not the dashboard's views. */
const SERVER_PAGES = ['/admin/queues'];
const ALL_PAGES = [...new Set(Object.values(NAV).flat())].filter((p) => !SERVER_PAGES.includes(p));

async function navPaths(page: Page): Promise<string[]> {
  return page.getByTestId('main-nav').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-path') ?? ''));
}

/** Opens `path` and waits until it shows either its view or the 403 page. */
async function openView(page: Page, baseUrl: string, path: string): Promise<'view' | 'forbidden'> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('main h1#page-title').first().waitFor();
  return (await page.getByTestId('forbidden-page').count()) > 0 ? 'forbidden' : 'view';
}

describe('accounts in a real browser', () => {
  let sys: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('sends an anonymous visitor to /login and back to the page they asked for', async () => {
    const u = await createTestUser(sys.dataDir, ['analyst']);
    const { page, context, errors } = await openPage(browser, { lang: 'zh' });
    try {
      await page.goto(`${sys.baseUrl}/analyst?range=7d`);
      await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/analyst?range=7d');
      expect(await page.getByTestId('main-nav').count()).toBe(0);
      await page.getByTestId('login-username').fill(u.username);
      await page.getByTestId('login-password').fill(u.password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => url.pathname === '/analyst' && url.searchParams.get('range') === '7d');
      await page.getByTestId('filter-form').waitFor();
      expect(await page.getByTestId('forbidden-page').count()).toBe(0);
      expect(await page.getByTestId('user-name').textContent()).toBe(u.username);
      expect(realErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const role of ROLES) {
    it(`a ${role} sees exactly the pages of the role, and the 403 page on the others`, async () => {
      const u = await createTestUser(sys.dataDir, [role]);
      const { page, context, errors } = await openPage(browser, { lang: 'en' });
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      try {
        await signInThroughPage(page, sys.baseUrl, u.username, u.password);
        // `/` → the first page of the role.
        await page.waitForURL((url) => url.pathname === NAV[role][0]);
        // The URL changes before the navigation has rendered: wait for it.
        await expect.poll(() => navPaths(page)).toEqual(NAV[role]);
        expect(await page.getByTestId('user-roles').textContent()).toContain(
          { duty_officer: 'Duty officer', analyst: 'Analyst', leader: 'Leader', admin: 'System administrator', auditor: 'Auditor' }[role],
        );
        for (const path of ALL_PAGES) {
          expect(await openView(page, sys.baseUrl, path), `${role} on ${path}`).toBe(NAV[role].includes(path) ? 'view' : 'forbidden');
        }
        // The 403 page reads as such, in the chosen language.
        const denied = ALL_PAGES.find((p) => !NAV[role].includes(p))!;
        await openView(page, sys.baseUrl, denied);
        expect(await page.getByTestId('forbidden-page').textContent()).toContain('You cannot open this page');
        await page.getByTestId('lang-zh').click();
        await expect.poll(() => page.getByTestId('forbidden-page').textContent()).toContain('无权访问此页面');
        // Every page of the role drew without a fault (403/401 network lines are answers, not faults).
        expect(realErrors(errors)).toEqual([]);
        expect(dialogs).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('says only "wrong username or password", the same for an unknown user, then the lock-out', async () => {
    const u = await createTestUser(sys.dataDir, ['leader']);
    const { page, context } = await openPage(browser, { lang: 'zh' });
    try {
      await signInThroughPage(page, sys.baseUrl, `nobody${RUN}`, 'Wrong-password-1');
      await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('用户名或密码错误。');
      const unknownUser = await page.getByTestId('login-error').textContent();

      await page.getByTestId('lang-en').click();
      const seen: string[] = [];
      for (let i = 0; i < 8; i++) {
        await page.getByTestId('login-username').fill(u.username);
        await page.getByTestId('login-password').fill(`Wrong-password-${i}`);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('login-submit').and(page.locator(':not([disabled])')).or(page.getByTestId('login-error')).first().waitFor();
        const text = await eventually(async () => (await page.getByTestId('login-error').textContent()) || undefined, 'a sign-in answer');
        seen.push(text);
        if (text.includes('locked')) break;
        // Let the next answer replace this one visibly.
        await page.getByTestId('login-error').waitFor({ state: 'attached' });
      }
      expect(unknownUser).toBe('用户名或密码错误。');
      expect(seen[0]).toBe('Wrong username or password.');
      const locked = seen.at(-1)!;
      expect(locked).toMatch(/^Too many failed sign-ins: temporarily locked\. Try again in \d+ minutes?\.$/);
      expect(seen.length).toBeLessThanOrEqual(6);

      // Locked: even the right password is refused with the same lock-out message.
      await page.getByTestId('login-username').fill(u.username);
      await page.getByTestId('login-password').fill(u.password);
      await page.getByTestId('login-submit').click();
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('temporarily locked');
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  it('forces a password change at first sign-in, with the policy shown and enforced', async () => {
    const u = await createTestUser(sys.dataDir, ['analyst'], { mustChangePassword: true, password: `First-${RUN}-Pw1` });
    const { page, context, errors } = await openPage(browser, { lang: 'zh' });
    try {
      await signInThroughPage(page, sys.baseUrl, u.username, u.password);
      await page.waitForURL((url) => url.pathname === '/account/password');
      await page.getByTestId('password-forced').waitFor();
      expect(await page.getByTestId('password-policy').textContent()).toContain('至少 12 个字符');
      expect(await navPaths(page)).toEqual([]);

      // Nothing else opens until it is done.
      await page.goto(`${sys.baseUrl}/analyst`);
      await page.waitForURL((url) => url.pathname === '/account/password' && url.searchParams.get('next') === '/analyst');

      // A weak password: the server's problems, in Chinese.
      await page.getByTestId('password-current').fill(u.password);
      await page.getByTestId('password-next').fill('short');
      await page.getByTestId('password-confirm').fill('short');
      await page.getByTestId('password-submit').click();
      await expect.poll(() => page.getByTestId('password-error').textContent()).toContain('至少 12 个字符');

      const next = `Brand-New-${RUN}-Pw9`;
      await page.getByTestId('password-next').fill(next);
      await page.getByTestId('password-confirm').fill(next);
      await page.getByTestId('password-submit').click();
      // Back where the user was heading, with the role's navigation.
      await page.waitForURL((url) => url.pathname === '/analyst');
      await expect.poll(() => navPaths(page)).toEqual(NAV.analyst);

      // Signed out, the new password is the one that works.
      await page.getByTestId('user-menu').locator('summary').click();
      await page.getByTestId('sign-out').click();
      await page.waitForURL((url) => url.pathname === '/login');
      await signInThroughPage(page, sys.baseUrl, u.username, next);
      await page.waitForURL((url) => url.pathname === '/analyst');
      expect(realErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('enrols TOTP (QR code, secret, code, recovery codes once), then asks for the second factor at sign-in', async () => {
    const u = await createTestUser(sys.dataDir, ['leader']);
    const { page, context, errors } = await openPage(browser, { lang: 'en' });
    try {
      await signInThroughPage(page, sys.baseUrl, u.username, u.password);
      await page.waitForURL((url) => url.pathname === '/live');
      await page.getByTestId('user-menu').locator('summary').click();
      await page.getByTestId('menu-totp').click();
      await page.getByTestId('totp-start').click();
      const qr = page.getByTestId('totp-qr');
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      const secret = (await page.getByTestId('totp-secret').textContent())!;
      await page.getByTestId('totp-code').fill('000000');
      await page.getByTestId('totp-confirm').click();
      await expect.poll(() => page.getByTestId('totp-error').textContent()).toContain('Wrong code');
      await page.getByTestId('totp-code').fill(await generate({ secret }));
      await page.getByTestId('totp-confirm').click();
      const box = page.getByTestId('recovery-codes');
      await box.waitFor();
      const codes = await box.locator('li code').allTextContents();
      expect(codes.length).toBe(10);
      // Continue stays off until the user says the codes are kept.
      expect(await page.getByTestId('recovery-continue').isDisabled()).toBe(true);
      await page.getByTestId('recovery-saved').check();
      await page.getByTestId('recovery-continue').click();
      await page.waitForURL((url) => url.pathname === '/live');

      await page.getByTestId('user-menu').locator('summary').click();
      await page.getByTestId('sign-out').click();
      await page.waitForURL((url) => url.pathname === '/login');
      await signInThroughPage(page, sys.baseUrl, u.username, u.password);
      await page.getByTestId('login-totp').waitFor();
      expect(await page.getByTestId('login-error').textContent()).toContain('two-factor');
      await page.getByTestId('login-totp').fill('11111-11111');
      await page.getByTestId('login-submit').click();
      await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('Wrong authentication code or recovery code.');
      await page.getByTestId('login-totp').fill(codes[0]!);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => url.pathname === '/live');
      expect(realErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sends every open page to /login when the user signs out everywhere, and back afterwards', async () => {
    const u = await createTestUser(sys.dataDir, ['duty_officer']);
    const a = await openPage(browser, { lang: 'en' });
    const b = await openPage(browser, { lang: 'en' });
    try {
      await signInThroughPage(a.page, sys.baseUrl, u.username, u.password, '/login?next=%2Fincidents');
      await a.page.waitForURL((url) => url.pathname === '/incidents');
      await signInThroughPage(b.page, sys.baseUrl, u.username, u.password);
      await b.page.waitForURL((url) => url.pathname === '/live');
      await b.page.getByTestId('user-menu').locator('summary').click();
      await b.page.getByTestId('sign-out-everywhere').click();
      await b.page.waitForURL((url) => url.pathname === '/login');

      // The other page is told by its live channel (the server drops the ended session's sockets) without a click.
      await a.page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/incidents');
      await a.page.getByTestId('session-expired').waitFor();
      await a.page.getByTestId('login-username').fill(u.username);
      await a.page.getByTestId('login-password').fill(u.password);
      await a.page.getByTestId('login-submit').click();
      await a.page.waitForURL((url) => url.pathname === '/incidents');
      await a.page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
      expect(realErrors(a.errors)).toEqual([]);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('lets an administrator create a user (one-time password shown once) and an ingest token that works until revoked', async () => {
    const admin = await userWith(sys, ['admin']);
    const { page, context, errors } = await openSignedIn(browser, sys, { lang: 'en', as: admin });
    try {
      await page.goto(`${sys.baseUrl}/admin/users`);
      await page.getByTestId('users-table').waitFor();
      const username = `duty.${RUN}`;
      await page.getByTestId('user-create-username').fill(username);
      await page.getByTestId('user-create-name').fill('值班员 张');
      await page.getByTestId('user-create-roles').locator('[data-role="duty_officer"]').check();
      await page.getByTestId('user-create-submit').click();
      const otp = (await page.getByTestId('one-time-password-value').textContent())!;
      expect(otp.length).toBeGreaterThanOrEqual(12);
      await page.locator(`[data-testid="user-row"][data-username="${username}"]`).waitFor();
      await page.getByTestId('one-time-password-dismiss').click();
      expect(await page.getByTestId('one-time-password').count()).toBe(0);

      // The new user signs in with it and must change it first.
      const other = await openPage(browser, { lang: 'en' });
      try {
        await signInThroughPage(other.page, sys.baseUrl, username, otp);
        await other.page.waitForURL((url) => url.pathname === '/account/password');
        expect(await other.page.getByTestId('user-name').textContent()).toBe('值班员 张');
      } finally {
        await other.context.close();
      }

      await page.goto(`${sys.baseUrl}/admin/tokens`);
      await page.getByTestId('token-create-name').fill(`collector ${RUN}`);
      await page.getByTestId('token-create-scope').selectOption('ingest');
      await page.getByTestId('token-create-submit').click();
      const token = (await page.getByTestId('new-token-value').textContent())!;
      const row = page.locator(`[data-testid="token-row"][data-name="collector ${RUN}"]`);
      await row.waitFor();
      expect(await row.getByTestId('token-last-used').textContent()).toBe('Never');

      const post = () =>
        fetch(`${sys.baseUrl}/api/v1/mentions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify([{ id: `tok-${RUN}-${Math.random()}`, platform: 'weibo', kind: 'post', text: '测试令牌', createdAt: new Date().toISOString() }]),
        });
      expect((await post()).status).toBe(202);
      await page.reload();
      await expect.poll(() => row.getByTestId('token-last-used').textContent()).not.toBe('Never');

      await row.getByTestId('token-revoke').click();
      await row.getByTestId('token-revoke-confirm').click();
      await expect.poll(() => row.getAttribute('data-revoked')).toBe('true');
      // Refused at once (the server answers 401 or 403 for a revoked token; never accepted).
      expect([401, 403]).toContain((await post()).status);
      expect(realErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the auditor the audit log, filtered by action and actor, with a matching CSV link', async () => {
    const target = await userWith(sys, ['leader']);
    const auditor = await userWith(sys, ['auditor']);
    const { page, context, errors } = await openSignedIn(browser, sys, { lang: 'en', as: auditor });
    try {
      await page.goto(`${sys.baseUrl}/audit`);
      await page.getByTestId('audit-table').waitFor();
      await page.getByTestId('audit-action').selectOption('auth.login');
      await page.getByTestId('audit-actor').fill(target.username);
      await page.getByTestId('audit-apply').click();
      await page.waitForURL((url) => url.searchParams.get('action') === 'auth.login' && url.searchParams.get('actor') === target.username);
      const rows = page.getByTestId('audit-row');
      // The rows of the previous filter stay until the new ones arrive.
      await expect.poll(() => page.getByTestId('audit-table').getAttribute('aria-busy')).toBe('false');
      await expect.poll(async () => new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action'))))).toEqual(new Set(['auth.login']));
      const actions = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
      expect(new Set(actions)).toEqual(new Set(['auth.login']));
      expect(await rows.first().textContent()).toContain(target.username);

      const href = (await page.getByTestId('audit-export').getAttribute('href'))!;
      expect(href).toContain('/api/v1/audit.csv?');
      expect(new URL(href, sys.baseUrl).searchParams.get('action')).toBe('auth.login');
      const csv = await page.evaluate(async (h) => (await fetch(h)).text(), href);
      expect(csv).toContain(target.username);

      // Nothing else is offered: one navigation entry, no live channel.
      expect(await navPaths(page)).toEqual(['/audit']);
      expect(await page.getByTestId('connection-state').count()).toBe(0);
      expect(realErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('renders script-like mention texts and author names as text, executing nothing', async () => {
    const keyword = `跨站${RUN}测试`;
    const payloads = [
      `${keyword} <img src=x onerror="window.__xss=1;alert('img')">`,
      `${keyword} <script>window.__xss=2;alert('script')</script>`,
      `${keyword} "><svg/onload=alert('svg')> javascript:alert(1)`,
    ];
    const createdAt = new Date().toISOString();
    const res = await sys.postMentions(
      payloads.map((text, i) => ({
        id: `xss-${RUN}-${i}`,
        platform: 'weibo',
        kind: 'post',
        text,
        createdAt,
        url: `https://weibo.com/${RUN}/${i}`,
        author: { id: `x${i}`, name: i === 0 ? `<img src=x onerror=alert('name')>` : `"><script>window.__xss=3</script>` },
      })),
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: payloads.length, rejected: [] });
    await eventually(async () => {
      const found = (await (await sys.fetch(`/api/v1/mentions?q=${encodeURIComponent(keyword)}`)).json()) as MentionPage;
      return found.items.length === payloads.length ? true : undefined;
    }, 'the hostile mentions to be stored');

    const analyst = await userWith(sys, ['analyst']);
    const { page, context, errors } = await openSignedIn(browser, sys, { lang: 'zh', as: analyst });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      await page.goto(`${sys.baseUrl}/analyst?range=all&q=${encodeURIComponent(keyword)}`);
      const rows = page.locator('[data-testid="mention-table"] tbody tr');
      await expect.poll(() => rows.count()).toBe(payloads.length);
      const tableText = (await page.getByTestId('mention-table').textContent())!;
      for (const p of payloads) expect(tableText).toContain(p);
      expect(tableText).toContain(`<img src=x onerror=alert('name')>`);
      // The thread dialog draws the mention cards (MentionItem): text there too.
      await rows.first().click();
      const dialog = page.getByTestId('thread-dialog');
      await dialog.locator('article').first().waitFor();
      expect(await dialog.locator('img, script, svg').count()).toBe(0);
      expect(await page.locator('main img[src="x"], main svg[onload]').count()).toBe(0);
      // A web link stays a link.
      expect(await dialog.locator('a.mention-link').first().getAttribute('href')).toMatch(/^https:\/\/weibo\.com\//);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(realErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
