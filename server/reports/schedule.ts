import { FILE_FORMATS, REPORT_LANGS, type Report, type ReportKind } from '../../shared/contracts/reports.js';
import { writeAssessment } from '../../shared/reports/assessment.js';
import { reportSubject } from '../../shared/reports/document.js';
import { mondayOf } from '../../shared/reports/period.js';
import { claimScheduledReport, hasScheduledReport, scheduleKey } from '../../shared/store/repos/report-archive.js';
import type { Store } from '../../shared/store/store.js';
import { addDays, wallTime, zonedDate } from '../../shared/time/zoned-day.js';
import type { Logger } from '../log.js';
import type { DeliveryResult, ReportDelivery } from './delivery.js';
import { emitReportGenerated, type GeneratedReport } from './hooks.js';
import { buildFor, renderReport } from './service.js';

export interface DailyAt {
  hour: number;
  minute: number;
}

/** "07:30" → {hour: 7, minute: 30}; throws on anything else. */
export function parseDailyAt(s: string): DailyAt {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  if (!m) throw new Error(`YUQING_REPORT_DAILY_AT must be HH:MM (24-hour) or "off", not "${s}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/**
 * The periods whose reports are due at `now`: yesterday's day once the daily time has passed today
 * (else the day before), and last week once the daily time has passed on this week's Monday (else the
 * week before). Earlier periods stay due until kept, so a server that was down at 07:30 catches up.
 */
export function duePeriods(now: number, timeZone: string, at: DailyAt): { kind: ReportKind; period: string }[] {
  const today = zonedDate(timeZone, now);
  const w = wallTime(timeZone, now);
  const passed = w.hour * 60 + w.minute >= at.hour * 60 + at.minute;
  const monday = mondayOf(today);
  const weekPassed = today !== monday || passed;
  return [
    { kind: 'day', period: addDays(today, passed ? -1 : -2) },
    { kind: 'week', period: addDays(monday, weekPassed ? -7 : -14) },
  ];
}

export interface SchedulerDeps {
  store: Store;
  timeZone: string;
  at: DailyAt;
  log: Logger;
  /** Injectable clock (tests). */
  now?: () => number;
  /** Sends the kept reports to the subscribed contact points (none: the archive only). */
  delivery?: ReportDelivery;
}

export interface TickResult {
  /** The files this server kept in this pass. */
  kept: GeneratedReport[];
  /** The reports this server sent in this pass (each contact point gets a period's report once ever). */
  delivered: DeliveryResult[];
}

export interface Scheduler {
  /** One pass: generates and keeps every due file not yet kept, then delivers what is kept and not yet sent. */
  tick(): Promise<TickResult>;
  /** Runs tick() once a minute until stop(). */
  start(): void;
  stop(): void;
}

/**
 * Generates the scheduled reports into the archive, once per period across any number of servers:
 * each file is claimed by its insert (claimScheduledReport), so only the winner hands it to
 * onReportGenerated. A server first checks whether the file is already kept, so late servers skip
 * rendering; two servers at the same instant both render and one insert wins. Then the due periods'
 * kept reports go to their subscribers (delivery.ts), each claimed per contact point, so a restart
 * or a second server never sends a period's report twice.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const now = deps.now ?? Date.now;
  const db = deps.store.db;
  async function tick(): Promise<TickResult> {
    const kept: GeneratedReport[] = [];
    const due = duePeriods(now(), deps.timeZone, deps.at);
    for (const { kind, period } of due) {
      let report: Report | undefined;
      for (const lang of REPORT_LANGS) {
        for (const format of FILE_FORMATS) {
          if (await hasScheduledReport(db, scheduleKey({ kind, period, lang, format }))) continue;
          report ??= await buildFor(db, kind, period, deps.timeZone, now());
          const bytes = await renderReport(report, lang, format);
          const abstract = { title: reportSubject(report, lang), assessment: writeAssessment(report, lang) };
          const file = await claimScheduledReport(db, { kind, period, lang, format, bytes, origin: 'schedule' }, abstract, now());
          if (file) kept.push({ file, report, bytes });
        }
      }
    }
    for (const g of kept) {
      deps.log.info({ report: g.file.id, kind: g.file.kind, period: g.file.period, lang: g.file.lang, format: g.file.format }, 'scheduled report kept');
      await emitReportGenerated(g, (err) => deps.log.warn({ err, report: g.file.id }, 'report delivery hook failed'));
    }
    const delivered: DeliveryResult[] = [];
    if (deps.delivery) for (const { kind, period } of due) delivered.push(...(await deps.delivery.deliverPeriod(kind, period)));
    return { kept, delivered };
  }

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running = false;
  const schedule = () => {
    if (stopped) return;
    // Once a minute, on the minute: the daily time is matched to the minute and every pass is idempotent.
    timer = setTimeout(async () => {
      if (!running) {
        running = true;
        await tick().catch((err: unknown) => deps.log.error({ err }, 'scheduled report generation failed'));
        running = false;
      }
      schedule();
    }, 60_000 - (Date.now() % 60_000) + 50);
    timer.unref();
  };
  return {
    tick,
    start() {
      schedule();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
