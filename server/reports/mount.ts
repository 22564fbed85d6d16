import type { Server as HttpServer } from 'node:http';
import { Router } from 'express';
import type { Env } from '../../shared/config/env.js';
import type { Store } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import { reportSubscriptionsRouter } from '../routes/report-subscriptions.js';
import { reportsRouter } from '../routes/reports.js';
import type { ContactPointSender } from '../notify/outbound.js';
import { createReportDelivery } from './delivery.js';
import { createScheduler, parseDailyAt } from './schedule.js';

/**
 * The reports feature as one router for app.ts to mount, with its scheduler stopped when the HTTP
 * server closes.
 *
 * YUQING_REPORT_DAILY_AT (HH:MM in YUQING_TIMEZONE, default 07:30; "off" disables) is when
 * yesterday's daily and, on Mondays, last week's weekly report are generated into the archive. Off
 * by default under NODE_ENV=test, so that test servers do not render reports nobody asked for.
 * Each pass then sends the kept reports to the subscribed contact points through `sender` (the
 * notify module's seam, server/notify/outbound.ts).
 */
export function mountReports(deps: { env: Env; log: Logger; httpServer: HttpServer; store: Store; sender: ContactPointSender }): Router {
  const { env, log, store } = deps;
  const setting = process.env.YUQING_REPORT_DAILY_AT || (env.NODE_ENV === 'test' ? 'off' : '07:30');
  const at = setting === 'off' ? null : parseDailyAt(setting);
  if (at) {
    const delivery = createReportDelivery({ store, sender: deps.sender, log, now: Date.now });
    const scheduler = createScheduler({ store, timeZone: env.YUQING_TIMEZONE, at, log, delivery });
    scheduler.start();
    deps.httpServer.once('close', () => scheduler.stop());
  }
  return Router().use(reportsRouter({ store, timeZone: env.YUQING_TIMEZONE }), reportSubscriptionsRouter({ store }));
}
