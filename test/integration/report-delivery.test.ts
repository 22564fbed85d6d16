import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../shared/contracts/auth.js';
import type { ContactPointView } from '../../shared/contracts/alerts.js';
import type { ReportDeliveryView, ReportSubscriptionView } from '../../shared/contracts/report-subscriptions.js';
import type { ArchivedReportView, Report } from '../../shared/contracts/reports.js';
import type { DailySummary } from '../../shared/contracts/views.js';
import { openStore } from '../../shared/store/store.js';
import { createLogger } from '../../server/log.js';
import { contactPointSender } from '../../server/notify/outbound.js';
import { loadNotifyKey, secretBox } from '../../server/notify/secret-box.js';
import { createReportDelivery } from '../../server/reports/delivery.js';
import { createScheduler, type Scheduler } from '../../server/reports/schedule.js';
import type { Store } from '../../shared/store/store.js';
import { RECEIVER_SECRETS, startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from '../support/receivers.js';
import { seedMentions, seedRow } from '../support/seed.js';
import { BACKENDS, createTestDatabase, stopTestCluster } from '../support/stores.js';
import { startSystem, type TestSystem } from '../support/system.js';

afterAll(() => stopTestCluster());

const TZ = 'Asia/Shanghai';
const DAY = '2026-03-09';
const at = (local: string) => Date.parse(`${local}+08:00`);
/** From the previous day's start to two hours into the next, one mention every 7 minutes. */
const T0 = at('2026-03-08T00:00:00');
const N = Math.floor((50 * 60) / 7);
const PUBLIC = 'https://yuqing.example.org';
/** The Tuesday after the fixture day, just after 07:30: the fixture day's report is due. */
const RUN_AT = at('2026-03-10T07:31:00');

const pct = (part: number, whole: number) => ((part / whole) * 100).toFixed(1);

/** A MIME message's attachments: filename → decoded bytes (nodemailer sends files base64). */
function attachmentsOf(raw: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1] as string);
  for (const b of boundaries) {
    for (const part of raw.split(`--${b}`)) {
      const split = part.indexOf('\r\n\r\n');
      if (split < 0) continue;
      const headers = part.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
      if (!/content-disposition:\s*attachment/i.test(headers)) continue;
      const name = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
      if (name) out.set(name, Buffer.from(part.slice(split + 4).replace(/\s+/g, ''), 'base64'));
    }
  }
  return out;
}

describe.each(BACKENDS)('reports delivered through contact points (%s)', (backend) => {
  let sys: TestSystem;
  let smtp: SmtpReceiver;
  let http: HttpReceiver;
  let scratch: string;
  let dayRows = 0;

  beforeAll(async () => {
    const databaseUrl = backend === 'postgres' ? await createTestDatabase() : undefined;
    sys = await startSystem({ workers: 0, ...(databaseUrl ? { databaseUrl } : {}) });
    [smtp, http] = await Promise.all([startSmtpReceiver(), startHttpReceiver()]);
    scratch = mkdtempSync(path.join(tmpdir(), 'yuqing-report-delivery-'));
    const rows = Array.from({ length: N }, (_, i) => seedRow(i, T0 + i * 7 * 60_000 + (i % 3) * 13_000));
    dayRows = rows.filter((r) => r.created_at >= at(`${DAY}T00:00:00`) && r.created_at < at('2026-03-10T00:00:00')).length;
    await seedMentions(sys.store, rows);
    // Without the fixture day's per-minute counters, only the hour and day rollups hold its counts:
    // a report still giving the summary's numbers reads them as the summary does.
    const [from, to] = [at(`${DAY}T00:00:00`) / 60_000, at('2026-03-10T00:00:00') / 60_000];
    await sys.store.write((tx) => tx.deleteFrom('agg_minute').where('minute', '>=', from).where('minute', '<', to).execute());
  }, 120_000);

  afterAll(async () => {
    await Promise.all([sys?.stop(), smtp?.close(), http?.close()]);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const send = async <T,>(method: string, p: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const res = await sys.fetch(`/api/v1${p}`, { method, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, json: (await res.json()) as T };
  };

  const file = (bytes: Buffer, ext: string) => {
    const f = path.join(scratch, `${Math.random().toString(36).slice(2)}.${ext}`);
    writeFileSync(f, bytes);
    return f;
  };
  const docxText = (bytes: Buffer) =>
    execFileSync('unzip', ['-p', file(bytes, 'docx'), 'word/document.xml'], { encoding: 'utf8' })
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const pdfText = (bytes: Buffer) => execFileSync('pdftotext', [file(bytes, 'pdf'), '-'], { encoding: 'utf8' }).replace(/\n/g, '');

  it('gives exactly the summary page’s numbers for the day, read from the rollups', async () => {
    const summary = await sys.getJson<DailySummary>(`/api/v1/summary?date=${DAY}`);
    const report = await sys.getJson<Report>(`/api/v1/reports/daily?date=${DAY}`);
    expect(summary.totals.total).toBe(dayRows);
    expect(dayRows).toBeGreaterThan(100);
    for (const k of ['total', 'positive', 'neutral', 'negative', 'critical'] as const) {
      expect(report.totals[k].n, k).toBe(summary.totals[k]);
      expect(report.previous?.[k].n, `previous ${k}`).toBe(summary.previous[k]);
    }
    expect(summary.previous.total).toBeGreaterThan(0);
    expect(report.series.points.map((p) => [p.t, p.total.n, p.negative.n, p.critical.n])).toEqual(
      summary.hourly.map((h) => [new Date(h.t).toISOString(), h.positive + h.neutral + h.negative, h.negative, h.critical]),
    );
    expect(report.topics.map((t) => [t.key, t.n])).toEqual(summary.topics.slice(0, 10).map((t) => [t.key, t.n]));
    expect(report.topics.length).toBeGreaterThan(0);
  });

  it('is administered through the API, validated and audited', async () => {
    const email = await send<ContactPointView>('POST', '/contact-points', {
      kind: 'email',
      name: '领导邮箱',
      host: '127.0.0.1',
      port: smtp.port,
      user: smtp.user,
      password: smtp.password,
      from: 'yuqing@example.org',
      to: ['chief@example.org'],
    });
    const hook = await send<ContactPointView>('POST', '/contact-points', { kind: 'webhook', name: 'OA', url: `${http.url}/hook`, secret: RECEIVER_SECRETS.webhook });
    const inApp = await send<ContactPointView>('POST', '/contact-points', { kind: 'in_app', name: 'dashboard' });
    // Signs with the wrong secret: the receiver refuses it (401), a failure retrying cannot mend.
    const broken = await send<ContactPointView>('POST', '/contact-points', { kind: 'webhook', name: 'broken', url: `${http.url}/broken`, secret: 'not-the-secret' });
    expect([email.status, hook.status, inApp.status, broken.status]).toEqual([201, 201, 201, 201]);
    expect((await send('POST', '/reports/subscriptions', { contactPointId: broken.json.id, daily: true, weekly: false, lang: 'en' })).status).toBe(201);

    const zh = await send<ReportSubscriptionView>('POST', '/reports/subscriptions', { contactPointId: email.json.id, daily: true, weekly: false, lang: 'zh' });
    expect(zh.status).toBe(201);
    expect(zh.json).toMatchObject({ contactPointId: email.json.id, contactPointName: '领导邮箱', daily: true, weekly: false, lang: 'zh' });
    expect((await send('POST', '/reports/subscriptions', { contactPointId: email.json.id, daily: true, weekly: false, lang: 'en' })).status).toBe(201);
    const h = await send<ReportSubscriptionView>('POST', '/reports/subscriptions', { contactPointId: hook.json.id, daily: false, weekly: true, lang: 'zh' });
    expect(h.status).toBe(201);
    expect((await send<ReportSubscriptionView>('PUT', `/reports/subscriptions/${h.json.id}`, { contactPointId: hook.json.id, daily: true, weekly: true, lang: 'zh' })).json.daily).toBe(true);

    // Refused: nothing to receive, an unknown or in-app contact point, unknown fields, a second one for the same pair.
    const bad: [unknown, number][] = [
      [{ contactPointId: email.json.id, daily: false, weekly: false, lang: 'zh' }, 400],
      [{ contactPointId: 999999, daily: true, weekly: false, lang: 'zh' }, 400],
      [{ contactPointId: inApp.json.id, daily: true, weekly: false, lang: 'zh' }, 400],
      [{ contactPointId: email.json.id, daily: true, weekly: false, lang: 'fr' }, 400],
      [{ contactPointId: email.json.id, daily: true, weekly: false, lang: 'zh', extra: 1 }, 400],
      [{ contactPointId: email.json.id, daily: false, weekly: true, lang: 'zh' }, 409],
    ];
    for (const [body, status] of bad) expect((await send('POST', '/reports/subscriptions', body)).status, JSON.stringify(body)).toBe(status);
    expect((await send('PUT', '/reports/subscriptions/999999', { contactPointId: email.json.id, daily: true, weekly: false, lang: 'zh' })).status).toBe(404);
    const extra = await send<ReportSubscriptionView>('POST', '/reports/subscriptions', { contactPointId: hook.json.id, daily: true, weekly: false, lang: 'en' });
    expect((await send('DELETE', `/reports/subscriptions/${extra.json.id}`)).status).toBe(200);
    expect((await send('DELETE', `/reports/subscriptions/${extra.json.id}`)).status).toBe(404);

    const list = await send<{ items: ReportSubscriptionView[] }>('GET', '/reports/subscriptions');
    expect(list.json.items.map((s) => [s.contactPointId, s.lang, s.daily, s.weekly])).toEqual([
      [broken.json.id, 'en', true, false],
      [email.json.id, 'zh', true, false],
      [email.json.id, 'en', true, false],
      [hook.json.id, 'zh', true, true],
    ]);
    const audit = await sys.getJson<AuditPage>('/api/v1/audit?action=report_subscription.changed&limit=100');
    const objects = audit.items.filter((e) => e.object?.startsWith('report-subscription')).map((e) => [e.object, e.detail?.op, e.result]);
    expect(objects).toContainEqual([`report-subscription:${zh.json.id}`, 'created', 'ok']);
    expect(objects).toContainEqual([`report-subscription:${h.json.id}`, 'updated', 'ok']);
    expect(objects).toContainEqual([`report-subscription:${extra.json.id}`, 'deleted', 'ok']);
  });

  it('sends the scheduled report once to each subscriber: files to e-mail, text and link to the webhook', async () => {
    const summary = await sys.getJson<DailySummary>(`/api/v1/summary?date=${DAY}`);
    const { total, negative, critical } = summary.totals;
    const log = createLogger('test-report-delivery', 'silent');
    const box = secretBox(loadNotifyKey(sys.dataDir, process.env.YUQING_NOTIFY_KEY));
    const schedulerOn = (store: Store): Scheduler => {
      const now = () => RUN_AT;
      const sender = contactPointSender({ db: store.db, box, log, timeZone: TZ, now, attempts: 2, baseDelayMs: 10, timeoutMs: 10_000, publicUrl: PUBLIC });
      return createScheduler({ store, timeZone: TZ, at: { hour: 7, minute: 30 }, log, now, delivery: createReportDelivery({ store, sender, log, now }) });
    };

    const first = await schedulerOn(sys.store).tick();
    expect(first.kept).toHaveLength(8); // the day and the week before it, zh and en, .docx and PDF
    expect(first.delivered.map((d) => [d.kind, d.period, d.lang, d.status]).sort()).toEqual(
      [
        ['day', DAY, 'en', 'sent'],
        ['day', DAY, 'zh', 'sent'],
        ['day', DAY, 'zh', 'sent'],
        ['day', DAY, 'en', 'failed'],
        ['week', '2026-03-02', 'zh', 'sent'],
      ].sort(),
    );

    // E-mail: one message per language, with the .docx and the PDF whose numbers are the summary's.
    expect(smtp.mails).toHaveLength(2);
    const byLang = new Map(smtp.mails.map((m) => [/-(zh|en)\.pdf/.exec(m.raw)?.[1], attachmentsOf(m.raw)]));
    const zhFiles = byLang.get('zh');
    const enFiles = byLang.get('en');
    expect([...(zhFiles?.keys() ?? [])].sort()).toEqual([`yuqing-daily-${DAY}-zh.docx`, `yuqing-daily-${DAY}-zh.pdf`]);
    expect([...(enFiles?.keys() ?? [])].sort()).toEqual([`yuqing-daily-${DAY}-en.docx`, `yuqing-daily-${DAY}-en.pdf`]);
    const zhLines = [`共监测到相关信息 ${total} 条`, `其中负面信息 ${negative} 条，占 ${pct(negative, total)}%`, `批评执法部门的信息 ${critical} 条，占 ${pct(critical, total)}%`];
    const enLines = [`${total} mentions were recorded on 9 Mar 2026`, `Negative: ${negative} (${pct(negative, total)}%`, `critical of the authorities: ${critical} (${pct(critical, total)}%`];
    for (const [text, lines] of [
      [docxText(zhFiles!.get(`yuqing-daily-${DAY}-zh.docx`)!), zhLines],
      [pdfText(zhFiles!.get(`yuqing-daily-${DAY}-zh.pdf`)!), zhLines],
      [docxText(enFiles!.get(`yuqing-daily-${DAY}-en.docx`)!), enLines],
      [pdfText(enFiles!.get(`yuqing-daily-${DAY}-en.pdf`)!), enLines],
    ] as const) {
      for (const line of lines) expect(text).toContain(line);
    }
    expect(smtp.mails.every((m) => m.to.includes('chief@example.org'))).toBe(true);

    // Webhook: the assessment and a link to the archived PDF, signed as every webhook.
    const hooks = http.on('/hook');
    expect(hooks).toHaveLength(2);
    expect(hooks.map((r) => r.problem)).toEqual([null, null]);
    const archive = await sys.getJson<{ items: ArchivedReportView[] }>('/api/v1/reports/archive?limit=100');
    const dayPdf = archive.items.find((i) => i.kind === 'day' && i.period === DAY && i.lang === 'zh' && i.format === 'pdf');
    const daily = hooks.find((r) => String(r.body.title).includes('日报'));
    expect(daily?.body).toMatchObject({ type: 'report', link: `${PUBLIC}${dayPdf!.href}` });
    expect(String(daily?.body.title)).toContain('网络舆情日报（2026年3月9日）');
    expect(String(daily?.body.body)).toContain(`共监测到相关信息 ${total} 条`);
    const linked = await sys.fetch(dayPdf!.href);
    expect(pdfText(Buffer.from(await linked.arrayBuffer()))).toContain(`共监测到相关信息 ${total} 条`);

    // A second pass, and a "restarted" server on its own store connection, send nothing again.
    expect(await schedulerOn(sys.store).tick()).toEqual({ kept: [], delivered: [] });
    const restarted = await openStore({ dataDir: sys.dataDir, databaseUrl: sys.env.DATABASE_URL, mode: 'read', readers: 1 });
    try {
      expect(await schedulerOn(restarted).tick()).toEqual({ kept: [], delivered: [] });
    } finally {
      await restarted.close();
    }
    expect(smtp.mails).toHaveLength(2);
    expect(http.on('/hook')).toHaveLength(2);
    // The refused one was tried once (a 401 is not retried), recorded as failed, and not tried again.
    expect(http.on('/broken')).toHaveLength(1);
    const log2 = await sys.getJson<{ items: ReportDeliveryView[] }>(`/api/v1/reports/deliveries?period=${DAY}`);
    // Named as the log page shows them: the contact point's name and kind come with each row.
    expect(log2.items.map((d) => [d.contactPointName, d.contactPointKind, d.lang, d.status, d.attempts]).sort()).toEqual(
      [
        ['领导邮箱', 'email', 'zh', 'sent', 1],
        ['领导邮箱', 'email', 'en', 'sent', 1],
        ['broken', 'webhook', 'en', 'failed', 1],
        ['OA', 'webhook', 'zh', 'sent', 1],
      ].sort(),
    );
    expect(log2.items.every((d) => !d.contactPointDeleted)).toBe(true);
    expect(log2.items.find((d) => d.status === 'failed')?.error).toContain('HTTP 401');
  });
});
