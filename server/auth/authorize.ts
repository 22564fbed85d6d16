import type { RequestHandler } from 'express';
import { CSRF_HEADER } from '../../shared/contracts/auth.js';
import { API_PREFIX } from '../../shared/contracts/api.js';
import { findRoute, type RouteEntry } from '../../shared/contracts/roles.js';
import type { Store } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import type { Accounts } from './accounts.js';
import type { ApiTokens } from './api-tokens.js';
import { auditAlone } from './audit-trail.js';
import { BOARD_CSRF_HEADER } from './board-csrf.js';
import { sessionCookieOf } from './cookies.js';
import { actorName, actorRoles, clientIp, principalPermissions, type Principal } from './principal.js';
import { safeEqual } from './secrets.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const AUTH_PREFIX = `${API_PREFIX}/auth/`;

export interface AuthorizeOptions {
  store: Store;
  accounts: Accounts;
  tokens: ApiTokens;
  log: Logger;
  /** Whether a request comes from YUQING_METRICS_ALLOW ('metrics-token' routes); unset: no network is. */
  metricsNetwork?: (req: Parameters<RequestHandler>[0]) => boolean;
  now?: () => number;
}

function deny(res: Parameters<RequestHandler>[1], status: number, error: string) {
  res.status(status).json({ error });
}

/**
 * THE authorization point: every request passes here before any router. It finds the request's
 * rule in the ROUTE table (shared/contracts/roles.ts), establishes who is asking (Bearer token or
 * session cookie), and lets the request through only when the rule allows it. Requests outside
 * /api/ (the dashboard's files, /healthz) are public or ruled by the same table.
 */
export function authorize(o: AuthorizeOptions): RequestHandler {
  const now = o.now ?? Date.now;
  return async (req, res, next) => {
    const isApi = req.path.startsWith(`${API_PREFIX}/`) || req.path === API_PREFIX;
    const route: RouteEntry | undefined = findRoute(req.method, req.path);
    if (!isApi && !route) return next(); // static files and client pages: the data behind them is API
    if (!route) return deny(res, 403, `no access rule for ${req.method} ${req.path}`);
    res.locals.route = route;
    // A browser opening a page the server serves (the queue board) goes to sign in and comes back.
    const signIn = (reason: string) =>
      route.subtree && req.method === 'GET' && /\btext\/html\b/.test(req.get('accept') ?? '')
        ? res.redirect(302, `/login?next=${encodeURIComponent(req.originalUrl.slice(0, 500))}`)
        : deny(res, 401, reason);

    let principal: Principal = { kind: 'anonymous' };
    const header = req.get('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.get('x-yuqing-token');
    const cookie = sessionCookieOf(req);
    if (bearer) {
      const t = await o.tokens.resolve(bearer);
      if (!t) return deny(res, 403, 'the token is not valid (unknown or revoked)');
      principal = t;
    } else if (cookie) {
      const s = await o.accounts.resolveSession(cookie);
      if (s.ok) principal = { kind: 'user', user: s.user, session: s.session, sessionId: cookie };
      else if (route.rule !== 'public') return signIn(s.reason);
    }
    res.locals.principal = principal;

    if (route.rule === 'public') return next();
    if (route.rule === 'ingest-token') {
      if (principal.kind === 'token' && principal.scope === 'ingest') return next();
      if (principal.kind === 'anonymous') return deny(res, 401, 'ingest needs a token: send "Authorization: Bearer <token>"');
      return deny(res, 403, 'this route needs an ingest token');
    }
    if (route.rule === 'metrics-token') {
      if (principal.kind === 'token' && principal.scope === 'metrics') return next();
      if (o.metricsNetwork?.(req)) return next();
      if (principal.kind === 'anonymous') return deny(res, 401, 'metrics need a metrics token ("Authorization: Bearer <token>") or a request from YUQING_METRICS_ALLOW');
      return deny(res, 403, 'this route needs a metrics token');
    }
    if (principal.kind === 'anonymous') return signIn('not signed in');

    if (principal.kind === 'user') {
      // A cookie travels with any request the browser makes; the header proves the page is ours.
      // A mounted third-party page (the queue board) sends it under its own client's header name.
      const csrf = req.get(CSRF_HEADER) ?? (route.subtree ? req.get(BOARD_CSRF_HEADER) : undefined);
      if (!SAFE_METHODS.has(req.method) && !safeEqual(csrf ?? '', principal.session.csrfToken)) {
        return deny(res, 403, 'missing or invalid CSRF token');
      }
      if (!req.path.startsWith(AUTH_PREFIX)) {
        if (principal.user.mustChangePassword) return deny(res, 403, 'password change required');
        if (!principal.user.totpSecret && (await o.accounts.totpRequiredFor(principal.user.roles))) return deny(res, 403, 'totp enrolment required');
      }
    }
    if (principalPermissions(principal).has(route.rule)) return next();
    void auditAlone(
      o.store,
      { actor: actorName(principal), roles: actorRoles(principal), ip: clientIp(req), action: 'access.denied', object: `${route.method} ${route.path}`, result: 'denied', detail: { path: req.path.slice(0, 200), needs: route.rule } },
      now(),
      o.log,
    );
    return deny(res, 403, `your role does not allow this (needs ${route.rule})`);
  };
}
