import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { Router } from 'express';
import helmet from 'helmet';
import { setBoardCsrfCookie } from '../auth/board-csrf.js';
import { principalOf } from '../auth/principal.js';

/** Where the board lives; the ROUTE table's subtree rules for this path say who may open it. */
export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * The Content-Security-Policy of the board's pages only (the dashboard keeps the strict one): its
 * markup carries inline `style` attributes and a `<style>` element, and sets `<base href>`. Scripts
 * stay our own origin's files; its web font (Google Fonts) is not allowed, it falls back to the
 * system's sans-serif on an intranet anyway.
 */
const boardCsp = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

/**
 * Bull Board over the mentions queue, for administrators (queues.manage, checked by authorize
 * before this router): jobs by state with their data and errors; retry, promote, clean, pause.
 */
export function queueBoard(queue: Queue): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(queue)],
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'yuqing' } },
  });
  const r = Router();
  r.use(boardCsp);
  r.use((req, res, next) => {
    const p = principalOf(res);
    if (req.method === 'GET' && p.kind === 'user') setBoardCsrfCookie(req, res, p.session.csrfToken, QUEUE_BOARD_PATH);
    next();
  });
  r.use(adapter.getRouter());
  return r;
}
