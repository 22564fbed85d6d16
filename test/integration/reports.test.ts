import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchivedReportView, Report } from '../../shared/contracts/reports.js';
import type { DailySummary } from '../../shared/contracts/views.js';
import { openStore, type Store } from '../../shared/store/store.js';
import { onReportGenerated, type GeneratedReport } from '../../server/reports/hooks.js';
import { createScheduler, duePeriods } from '../../server/reports/schedule.js';
import { createLogger } from '../../server/log.js';
import { makeMentions } from '../fixtures/mentions.js';
import { startSystem, type TestSystem } from '../support/system.js';

const DAY = '2026-01-05'; // a Monday, so its week starts on it
const at = (local: string) => Date.parse(`${local}+08:00`);

let sys: TestSystem;
let scratch: string;

beforeAll(async () => {
  sys = await startSystem({ workers: 1 });
  scratch = mkdtempSync(path.join(tmpdir(), 'yuqing-reports-'));
  // The fixture day (two bursts, morning and night), and a smaller previous day to compare with.
  for (const [prefix, now, n] of [
    ['a', at('2026-01-05T10:00:00'), 40],
    ['b', at('2026-01-05T21:30:00'), 24],
    ['p', at('2026-01-04T12:00:00'), 16],
  ] as const) {
    const res = await sys.postMentions(makeMentions(n, prefix, now));
    expect(res.status).toBe(202);
  }
  await sys.drained();
});

afterAll(async () => {
  await sys?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function download(p: string, type: string): Promise<Buffer> {
  const res = await sys.fetch(`${sys.baseUrl}${p}`);
  expect(res.status, p).toBe(200);
  expect(res.headers.get('content-type')).toContain(type);
  return Buffer.from(await res.arrayBuffer());
}

/** The text of a .docx: its main part, tags stripped (unzip, as a reader's tools would). */
function docxText(bytes: Buffer): string {
  const file = path.join(scratch, `${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, bytes);
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** pdftotext (poppler-utils) on the PDF, lines joined so wrapped sentences read whole. */
function pdfText(bytes: Buffer): string {
  const file = path.join(scratch, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\n/g, '');
}

const pct = (part: number, whole: number) => ((part / whole) * 100).toFixed(1);

describe('daily and weekly reports', () => {
  it('give the summary page’s numbers, in JSON, .docx and PDF, in both languages', async () => {
    const summary = await sys.getJson<DailySummary>(`/api/v1/summary?date=${DAY}`);
    const { total, negative } = summary.totals;
    expect(total).toBe(64);
    const json = await sys.getJson<Report & { assessment: string[] }>(`/api/v1/reports/daily?date=${DAY}&lang=zh`);
    expect(json.totals.total.n).toBe(total);
    expect(json.totals.negative.n).toBe(negative);
    expect(json.previous?.total.n).toBe(summary.previous.total);
    expect(json.totals.negative.link).toContain('sentiment=negative');
    expect(json.series.points).toHaveLength(24);
    expect(json.series.points.reduce((s, p) => s + p.total.n, 0)).toBe(total);

    const zhDocx = docxText(await download(`/api/v1/reports/daily?date=${DAY}&lang=zh&format=docx`, 'wordprocessingml'));
    expect(zhDocx).toContain('网络舆情日报');
    expect(zhDocx).toContain(`共监测到相关信息 ${total} 条`);
    expect(zhDocx).toContain(`其中负面信息 ${negative} 条，占 ${pct(negative, total)}%`);

    const enPdf = pdfText(await download(`/api/v1/reports/daily?date=${DAY}&lang=en&format=pdf`, 'application/pdf'));
    expect(enPdf).toContain(`${total} mentions were recorded on 5 Jan 2026`);
    expect(enPdf).toContain(`Negative: ${negative} (${pct(negative, total)}%)`);

    const zhPdf = pdfText(await download(`/api/v1/reports/daily?date=${DAY}&lang=zh&format=pdf`, 'application/pdf'));
    expect(zhPdf).toContain(`共监测到相关信息 ${total} 条`);

    // The week from that Monday holds only the fixture day; the week before holds the previous day.
    const weekDocx = docxText(await download(`/api/v1/reports/weekly?week=${DAY}&lang=en&format=docx`, 'wordprocessingml'));
    expect(weekDocx).toContain(`${total} mentions were recorded in the week of 5 Jan 2026 to 11 Jan 2026`);
    const weekPdf = pdfText(await download(`/api/v1/reports/weekly?week=${DAY}&lang=zh&format=pdf`, 'application/pdf'));
    expect(weekPdf).toContain(`较上周（${summary.previous.total} 条）`);
  });

  it('refuses bad queries with 400', async () => {
    for (const q of ['daily?date=2026-13-01', 'daily', 'daily?date=2026-01-05&lang=fr', 'daily?date=2026-01-05&format=xls', 'weekly?week=2026-01-06', 'daily?date=2026-01-05&x=1']) {
      const res = await sys.fetch(`${sys.baseUrl}/api/v1/reports/${q}`);
      expect(res.status, q).toBe(400);
    }
  });

  it('keeps generated files in the archive', async () => {
    const res = await sys.fetch(`${sys.baseUrl}/api/v1/reports/archive`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'day', period: DAY, lang: 'zh', format: 'docx' }),
    });
    expect(res.status).toBe(201);
    const kept = (await res.json()) as ArchivedReportView;
    const list = await sys.getJson<{ items: ArchivedReportView[] }>('/api/v1/reports/archive');
    expect(list.items.map((i) => i.id)).toContain(kept.id);
    const bytes = await download(kept.href, 'wordprocessingml');
    expect(bytes.byteLength).toBe(kept.size);
    expect(docxText(bytes)).toContain('共监测到相关信息 64 条');
    expect((await sys.fetch(`${sys.baseUrl}/api/v1/reports/archive/999999`)).status).toBe(404);
  });

  it('the scheduler keeps each due file once across two servers, and hands each on once', async () => {
    const monday0731 = at('2026-01-12T07:31:00');
    expect(duePeriods(monday0731, 'Asia/Shanghai', { hour: 7, minute: 30 })).toEqual([
      { kind: 'day', period: '2026-01-11' },
      { kind: 'week', period: '2026-01-05' },
    ]);
    expect(duePeriods(at('2026-01-12T07:29:00'), 'Asia/Shanghai', { hour: 7, minute: 30 })).toEqual([
      { kind: 'day', period: '2026-01-10' },
      { kind: 'week', period: '2025-12-29' },
    ]);
    const stores: Store[] = await Promise.all([1, 2].map(() => openStore({ dataDir: sys.dataDir, mode: 'read', readers: 1 })));
    const delivered: GeneratedReport[] = [];
    const off = onReportGenerated((g) => void delivered.push(g));
    try {
      const log = createLogger('test-scheduler', 'silent');
      const [a, b] = stores.map((store) => createScheduler({ store, timeZone: 'Asia/Shanghai', at: { hour: 7, minute: 30 }, log, now: () => monday0731 })) as [
        ReturnType<typeof createScheduler>,
        ReturnType<typeof createScheduler>,
      ];
      const [ka, kb] = await Promise.all([a.tick(), b.tick()]);
      expect(ka.kept.length + kb.kept.length).toBe(8); // 2 periods × 2 languages × 2 formats
      expect(await a.tick()).toEqual({ kept: [], delivered: [] });
      expect(await b.tick()).toEqual({ kept: [], delivered: [] });
      expect(delivered).toHaveLength(8);
      const list = await sys.getJson<{ items: ArchivedReportView[] }>('/api/v1/reports/archive?limit=100');
      const scheduled = list.items.filter((i) => i.origin === 'schedule');
      expect(new Set(scheduled.map((i) => `${i.kind}:${i.period}:${i.lang}:${i.format}`)).size).toBe(8);
      expect(scheduled).toHaveLength(8);
      const week = scheduled.find((i) => i.kind === 'week' && i.lang === 'en' && i.format === 'pdf');
      expect(pdfText(await download(week!.href, 'application/pdf'))).toContain('64 mentions were recorded in the week of 5 Jan 2026');
    } finally {
      off();
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
