import type { Request, Response } from 'express';
import { SESSION_COOKIE } from '../../shared/contracts/auth.js';

/** The session cookie: read from the raw header (no cookie-parser needed for one cookie), written with the strict flags. */

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() !== name) continue;
    const v = part.slice(i + 1).trim();
    return /^[A-Za-z0-9_-]{20,100}$/.test(v) ? v : undefined;
  }
  return undefined;
}

export function sessionCookieOf(req: Pick<Request, 'headers'>): string | undefined {
  return readCookie(req.headers.cookie, SESSION_COOKIE);
}

/** HttpOnly, SameSite=Strict; Secure when the request came over HTTPS (req.secure honours YUQING_TRUST_PROXY). */
export function setSessionCookie(req: Request, res: Response, value: string, maxAgeMs: number): void {
  res.cookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: maxAgeMs });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}
