import type { Browser, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../shared/contracts/auth.js';
import type { Role } from '../../shared/contracts/roles.js';
import { createTestUser, login, type Credentials } from '../support/accounts.js';
import { openPage, type OpenPage } from '../support/browser.js';
import type { TestSystem } from '../support/system.js';

/** A fresh user with `roles` (password already changed), signed in through the API. */
export async function userWith(sys: TestSystem, roles: readonly Role[], opts: { username?: string } = {}): Promise<Credentials> {
  const u = await createTestUser(sys.dataDir, roles, opts);
  return login(sys.baseUrl, u.username, u.password);
}

/**
 * A browser page already signed in as `who` (default: the system's all-roles user): the session
 * cookie is put into the context as the sign-in answer would have set it.
 */
export async function openSignedIn(browser: Browser, sys: TestSystem, opts: Parameters<typeof openPage>[1] & { as?: Credentials } = {}): Promise<OpenPage> {
  const opened = await openPage(browser, opts);
  const who = opts.as ?? sys.auth;
  const value = who.cookie.slice(who.cookie.indexOf('=') + 1);
  await opened.context.addCookies([{ name: SESSION_COOKIE, value, url: sys.baseUrl, httpOnly: true, sameSite: 'Strict' }]);
  return opened;
}

/** Signs in through the login page (username, password, submit). */
export async function signInThroughPage(page: Page, baseUrl: string, username: string, password: string, path = '/login'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Page errors other than the browser's own "Failed to load resource" lines: a 401 from /auth/me
 * before sign-in and a 403 the test provoked are answers, not faults.
 */
export function realErrors(errors: string[]): string[] {
  return errors.filter((e) => !e.includes('Failed to load resource'));
}
