import type { Server as HttpServer } from 'node:http';
import type { RequestHandler, Router } from 'express';
import type { Env } from '../../shared/config/env.js';
import { openStore, type Store } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import { reportsRouter } from '../routes/reports.js';
import { createScheduler, parseDailyAt } from './schedule.js';

/**
 * The reports feature as one router for app.ts to mount. Until the server runs on the async store
 * everywhere it opens its own (one reader thread: reports are rare), and closes it and stops the
 * scheduler when the HTTP server closes. Pass `store` once app.ts has one.
 *
 * YUQING_REPORT_DAILY_AT (HH:MM in YUQING_TIMEZONE, default 07:30; "off" disables) is when
 * yesterday's daily and, on Mondays, last week's weekly report are generated into the archive. Off
 * by default under NODE_ENV=test, so that test servers do not render reports nobody asked for.
 */
export function mountReports(deps: { env: Env; adminToken: string; log: Logger; httpServer: HttpServer; store?: Store }): RequestHandler {
  const { env, log } = deps;
  const setting = process.env.YUQING_REPORT_DAILY_AT || (env.NODE_ENV === 'test' ? 'off' : '07:30');
  const at = setting === 'off' ? null : parseDailyAt(setting);
  let own: Promise<Store> | undefined;
  const store: Promise<Store> = deps.store
    ? Promise.resolve(deps.store)
    : (own = openStore({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, mode: 'read', readers: 1 }));
  let router: Router | undefined;
  const ready = store.then((s) => {
    router = reportsRouter({ store: s, timeZone: env.YUQING_TIMEZONE, adminToken: deps.adminToken });
    if (at) {
      const scheduler = createScheduler({ store: s, timeZone: env.YUQING_TIMEZONE, at, log });
      scheduler.start();
      deps.httpServer.once('close', () => scheduler.stop());
    }
  });
  ready.catch((err: unknown) => log.error({ err }, 'reports: cannot open the store'));
  deps.httpServer.once('close', () => void own?.then((s) => s.close()).catch(() => undefined));
  // Express takes the router synchronously; requests wait for the store to open (milliseconds at start-up).
  return (req, res, next) => {
    ready.then(() => (router as Router)(req, res, next), next);
  };
}
