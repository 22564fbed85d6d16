import { FILE_FORMATS, type ReportKind, type ReportLang } from '../../shared/contracts/reports.js';
import { claimReportDelivery, finishReportDelivery, reportDeliveryClaimed } from '../../shared/store/repos/report-deliveries.js';
import { readScheduledReport, scheduleKey } from '../../shared/store/repos/report-archive.js';
import { subscribersOf } from '../../shared/store/repos/report-subscriptions.js';
import type { Store } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import type { ContactPointSender, OutboundMessage } from '../notify/outbound.js';
import { CONTENT_TYPES, asBuffer, fileName } from './service.js';

export interface DeliveryResult {
  contactPointId: number;
  kind: ReportKind;
  period: string;
  lang: ReportLang;
  status: 'sent' | 'failed' | 'gone';
  error: string | null;
}

export interface ReportDelivery {
  /**
   * Sends a period's archived report to each subscribed contact point that has not had it yet.
   * Driven by the archive, not by the generation: a pass after a crash (or on another server)
   * still sends what was kept and not sent, and what was sent is never sent again.
   */
  deliverPeriod(kind: ReportKind, period: string): Promise<DeliveryResult[]>;
}

const SOURCE: Record<ReportKind, Record<ReportLang, string>> = {
  day: { zh: '舆情日报', en: 'daily report' },
  week: { zh: '舆情周报', en: 'weekly report' },
};

type Kept = NonNullable<Awaited<ReturnType<typeof readScheduledReport>>>;

/** Both files of one language, or null while either is not in the archive yet. */
async function keptFiles(store: Store, kind: ReportKind, period: string, lang: ReportLang): Promise<Kept[] | null> {
  const files: Kept[] = [];
  for (const format of FILE_FORMATS) {
    const f = await readScheduledReport(store.db, scheduleKey({ kind, period, lang, format }));
    if (!f) return null;
    files.push(f);
  }
  return files;
}

/** E-mail: both files attached; robots and webhooks: the assessment and a link to the archived PDF. */
function messageOf(files: Kept[], kind: ReportKind, lang: ReportLang, sender: ContactPointSender): OutboundMessage {
  const pdf = files.find((f) => f.format === 'pdf') ?? (files[0] as Kept);
  const { abstract } = pdf;
  return {
    title: abstract.title,
    body: abstract.assessment.join('\n'),
    source: SOURCE[kind][lang],
    link: sender.absolute(pdf.href),
    attachments: files.map((f) => ({ filename: fileName(f.kind, f.period, f.lang, f.format), contentType: CONTENT_TYPES[f.format], content: asBuffer(f.bytes) })),
  };
}

export function createReportDelivery(deps: { store: Store; sender: ContactPointSender; log: Logger; now: () => number }): ReportDelivery {
  const { store, sender, log, now } = deps;
  return {
    async deliverPeriod(kind, period) {
      const out: DeliveryResult[] = [];
      const files = new Map<ReportLang, Kept[] | null>();
      for (const { contactPointId, lang } of await subscribersOf(store.db, kind)) {
        const target = { contactPointId, kind, period, lang };
        if (await reportDeliveryClaimed(store.db, target)) continue;
        if (!files.has(lang)) files.set(lang, await keptFiles(store, kind, period, lang));
        const kept = files.get(lang);
        if (!kept) continue;
        const id = await store.write((tx) => claimReportDelivery(tx, target, now()));
        if (id === null) continue;
        let result: Pick<DeliveryResult, 'status' | 'error'> & { attempts: number };
        try {
          const o = await sender.send(contactPointId, messageOf(kept, kind, lang, sender));
          result = o === null ? { status: 'gone', attempts: 0, error: 'the contact point was deleted' } : { status: o.status === 'sent' ? 'sent' : 'failed', attempts: o.attempts, error: o.error };
        } catch (err) {
          result = { status: 'failed', attempts: 0, error: (err as Error).message };
        }
        await store.write((tx) => finishReportDelivery(tx, id, result, now()));
        if (result.status !== 'sent') log.warn({ contactPoint: contactPointId, kind, period, lang, error: result.error }, 'report delivery failed');
        out.push({ ...target, status: result.status, error: result.error });
      }
      return out;
    },
  };
}
