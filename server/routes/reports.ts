import express, { Router, type Response } from 'express';
import {
  archiveQuerySchema,
  archiveRequestSchema,
  bureauSchema,
  dailyReportQuerySchema,
  weeklyReportQuerySchema,
  type FileFormat,
  type ReportFormat,
  type ReportKind,
  type ReportLang,
} from '../../shared/contracts/reports.js';
import { writeAssessment } from '../../shared/reports/assessment.js';
import { archiveReport, listArchivedReports, readArchivedReport } from '../../shared/store/repos/report-archive.js';
import { readBureau, saveBureau } from '../../shared/store/repos/report-settings.js';
import type { Store } from '../../shared/store/store.js';
import { HttpError, parseBody, parseQuery } from '../http/errors.js';
import { MissingFontError } from '../reports/pdf.js';
import { CONTENT_TYPES, asBuffer, buildFor, fileName, renderReport } from '../reports/service.js';

export interface ReportsRouterDeps {
  store: Store;
  timeZone: string;
}

function sendFile(res: Response, bytes: Buffer, format: FileFormat, name: string): void {
  res.setHeader('content-type', CONTENT_TYPES[format]);
  res.setHeader('content-disposition', `attachment; filename="${name}"`);
  res.setHeader('content-length', String(bytes.byteLength));
  res.end(bytes);
}

/** A missing font is the installation's fault, said plainly (503), not an anonymous 500. */
async function rendered<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof MissingFontError) throw new HttpError(503, err.message);
    throw err;
  }
}

/**
 * Daily and weekly reports (JSON, .docx, PDF, zh or en), the archive of kept report files and the
 * bureau's name that heads them. Reads are open like GET /summary; naming the bureau takes the admin
 * token. (The accounts work puts these behind the 'summary.read' permission.)
 */
export function reportsRouter(deps: ReportsRouterDeps): Router {
  const { store, timeZone } = deps;
  const r = Router();

  const answer = async (res: Response, kind: ReportKind, period: string, lang: ReportLang, format: ReportFormat) => {
    const report = await buildFor(store.db, kind, period, timeZone);
    if (format === 'json') {
      res.json({ ...report, assessment: writeAssessment(report, lang) });
      return;
    }
    sendFile(res, await rendered(renderReport(report, lang, format)), format, fileName(kind, period, lang, format));
  };

  r.get('/reports/daily', async (req, res) => {
    const q = parseQuery(dailyReportQuerySchema, req);
    await answer(res, 'day', q.date, q.lang, q.format);
  });
  r.get('/reports/weekly', async (req, res) => {
    const q = parseQuery(weeklyReportQuerySchema, req);
    await answer(res, 'week', q.week, q.lang, q.format);
  });

  r.get('/reports/archive', async (req, res) => {
    const q = parseQuery(archiveQuerySchema, req);
    res.json({ items: await listArchivedReports(store.db, { ...(q.kind ? { kind: q.kind } : {}), limit: q.limit }) });
  });
  r.get('/reports/archive/:id', async (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isSafeInteger(id) || id < 1) throw new HttpError(400, 'invalid report id');
    const f = await readArchivedReport(store.db, id);
    if (!f) throw new HttpError(404, `no report ${id} in the archive`);
    sendFile(res, asBuffer(f.bytes), f.format, fileName(f.kind, f.period, f.lang, f.format));
  });
  r.post('/reports/archive', express.json({ limit: '4kb' }), async (req, res) => {
    const b = parseBody(archiveRequestSchema, req);
    const report = await buildFor(store.db, b.kind, b.period, timeZone);
    const bytes = await rendered(renderReport(report, b.lang, b.format));
    const kept = await store.write((tx) => archiveReport(tx, { ...b, bytes, origin: 'manual' }, Date.now()));
    res.status(201).json(kept);
  });

  r.get('/reports/bureau', async (_req, res) => {
    res.json(await readBureau(store.db));
  });
  r.put('/reports/bureau', express.json({ limit: '4kb' }), async (req, res) => {
    const b = parseBody(bureauSchema.strict(), req);
    await store.write((tx) => saveBureau(tx, b, null, Date.now()));
    res.json(b);
  });
  return r;
}
