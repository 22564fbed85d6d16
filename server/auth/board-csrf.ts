import type { Request, Response } from 'express';

/**
 * The queue board's writes (retry, clean, pause) carry the session's CSRF token too. The board is a
 * third-party page whose HTTP client (axios) sends the `XSRF-TOKEN` cookie back as the
 * `X-XSRF-TOKEN` header on same-origin requests, so the server hands the board the session-bound
 * token in that cookie, limited to the board's path; authorize accepts the header there only.
 */
export const BOARD_CSRF_COOKIE = 'XSRF-TOKEN';
export const BOARD_CSRF_HEADER = 'X-XSRF-TOKEN';

/** Not HttpOnly: the board's script must read it. SameSite=Strict, Secure over HTTPS. */
export function setBoardCsrfCookie(req: Request, res: Response, token: string, path: string): void {
  res.cookie(BOARD_CSRF_COOKIE, token, { httpOnly: false, sameSite: 'strict', secure: req.secure, path });
}
