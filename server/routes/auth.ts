import express, { Router, type Request, type RequestHandler } from 'express';
import {
  loginBodySchema,
  passwordChangeBodySchema,
  totpDisableBodySchema,
  totpEnableBodySchema,
  type LoginResponse,
  type MeResponse,
} from '../../shared/contracts/auth.js';
import { AccountError, type Accounts, type RequestOrigin } from '../auth/accounts.js';
import type { AuthConfig } from '../auth/auth-config.js';
import { clearSessionCookie, setSessionCookie } from '../auth/cookies.js';
import { clientIp, signedInUser } from '../auth/principal.js';
import { HttpError, parseBody } from '../http/errors.js';

export interface AuthRouteOptions {
  accounts: Accounts;
  config: AuthConfig;
  /** Per-IP limit on sign-in attempts (Redis-backed, shared by every server). */
  loginLimiter: RequestHandler;
}

const origin = (req: Request): RequestOrigin => ({ ip: clientIp(req), userAgent: req.get('user-agent') ?? null });

function rethrow(err: unknown): never {
  if (err instanceof AccountError) throw new HttpError(err.status, err.message, undefined, err.problems && { problems: err.problems });
  throw err;
}

/** Sign-in, sign-out and the signed-in user's own account (shared/contracts/auth.ts). */
export function authRouter(o: AuthRouteOptions): Router {
  const r = Router();
  const json = express.json({ limit: '8kb' });

  const me = async (p: ReturnType<typeof signedInUser>): Promise<MeResponse> => ({
    user: await o.accounts.sessionUser(p.user),
    csrfToken: p.session.csrfToken,
    idleExpiresAt: p.session.lastSeenAt + o.config.idleMs,
    expiresAt: p.session.expiresAt,
  });

  r.post('/auth/login', o.loginLimiter, json, async (req, res) => {
    // JSON only: a cross-site form cannot send it without a CORS preflight, which this server never grants.
    if (!req.is('application/json')) throw new HttpError(415, 'send the credentials as application/json');
    const body = parseBody(loginBodySchema, req);
    const out = await o.accounts.login(body.username, body.password, body.totp, origin(req));
    if (!out.ok) {
      if (out.retryAfterSeconds) res.set('Retry-After', String(out.retryAfterSeconds));
      res.status(out.status).json({ error: out.error, ...(out.totp && { totp: true }) });
      return;
    }
    setSessionCookie(req, res, out.sessionId, o.config.maxAgeMs);
    const answer: LoginResponse = { user: await o.accounts.sessionUser(out.user), csrfToken: out.csrfToken };
    res.json(answer);
  });

  r.post('/auth/logout', async (req, res) => {
    const p = signedInUser(res);
    await o.accounts.logout(p.user, p.sessionId, origin(req));
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  r.post('/auth/logout-all', async (req, res) => {
    const p = signedInUser(res);
    await o.accounts.logoutAll(p.user, origin(req));
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  r.get('/auth/me', async (_req, res) => {
    res.json(await me(signedInUser(res)));
  });

  r.post('/auth/password', json, async (req, res) => {
    const p = signedInUser(res);
    const body = parseBody(passwordChangeBodySchema, req);
    await o.accounts.changePassword(p.user, p.sessionId, body.current, body.next, origin(req)).catch(rethrow);
    res.json(await me({ ...p, user: { ...p.user, mustChangePassword: false } }));
  });

  r.get('/auth/totp/setup', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(await o.accounts.totpSetup(signedInUser(res).user));
  });

  r.post('/auth/totp/enable', json, async (req, res) => {
    const body = parseBody(totpEnableBodySchema, req);
    const recoveryCodes = await o.accounts.totpEnable(signedInUser(res).user, body.code, origin(req)).catch(rethrow);
    res.set('Cache-Control', 'no-store');
    res.json({ recoveryCodes });
  });

  r.post('/auth/totp/disable', json, async (req, res) => {
    const body = parseBody(totpDisableBodySchema, req);
    await o.accounts.totpDisable(signedInUser(res).user, body.password, origin(req)).catch(rethrow);
    res.status(204).end();
  });
  return r;
}
