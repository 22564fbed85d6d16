import { findPage } from '../../../shared/contracts/roles.js';

/**
 * Where to go after signing in: the `next` parameter when it is a path inside this app, else
 * `fallback`. Anything that could leave the origin (`//host`, `/\host`, `https:`…) or loop back to
 * the sign-in page is refused.
 */
export function safeNext(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  const path = next.split(/[?#]/)[0]!;
  if (path === '/login' || path.startsWith('/login/')) return fallback;
  return next;
}

/** The sign-in page's address that comes back to `here` (path + query) afterwards. */
export function loginPath(here: string): string {
  return here && here !== '/' && !here.startsWith('/login') ? `/login?next=${encodeURIComponent(here)}` : '/login';
}

/** A page's address with the current `next` carried along (forced password change → enrolment → back). */
export function withNext(path: string, next: string | null): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/** A page the server serves itself (the queue board): reached with a whole page load, not the router. */
export function isServerPage(path: string): boolean {
  return findPage(path.split(/[?#]/)[0]!)?.server === true;
}
