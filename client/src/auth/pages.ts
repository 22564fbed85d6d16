import type { SessionUser } from '../../../shared/contracts/auth.js';
import { can, canOpenPage, PAGES, type PageEntry, type Role } from '../../../shared/contracts/roles.js';

/** The own-account pages every signed-in user has (account.self); not in PAGES, see mayOpen. */
export const ACCOUNT_PAGE = '/account';
export const PASSWORD_PAGE = '/account/password';
export const TOTP_PAGE = '/account/totp';

/** The navigation entries `roles` may open, in the order of the shared PAGES table. */
export function navPages(roles: readonly Role[]): PageEntry[] {
  return PAGES.filter((p) => p.nav && p.rule !== 'public' && can(roles, p.rule));
}

/**
 * Whether `roles` may open the page at `pathname`. Sub-pages of /account (password, two-factor)
 * are every signed-in user's; they are not in PAGES, which would otherwise treat them as unknown.
 */
export function mayOpen(roles: readonly Role[], pathname: string): boolean {
  if (pathname === '/account' || pathname.startsWith('/account/')) return true;
  return canOpenPage(roles, pathname);
}

/** Whether the user still has to change the password or enrol a second factor before using the app. */
export function isGated(user: Pick<SessionUser, 'mustChangePassword' | 'totpRequired' | 'totpEnabled'>): boolean {
  return user.mustChangePassword || (user.totpRequired && !user.totpEnabled);
}
