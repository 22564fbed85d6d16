import { useState } from 'react';
import { FILE_FORMATS, REPORT_LANGS, type ArchivedReportView, type FileFormat, type ReportKind, type ReportLang } from '../../../shared/contracts/reports.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useApi } from '../hooks/useApi.js';
import { useMeta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { apiUrl, postJson } from '../lib/api.js';
import { formatNumber } from '../lib/format.js';
import { addDays, formatDateTime, isIsoDate, todayIn } from '../lib/time.js';

/** The Monday of the ISO week a date falls in (weekly reports start there). */
function mondayOf(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

/** Where a report of a day or week is downloaded (the API renders it on request). */
function reportUrl(kind: ReportKind, date: string, lang: ReportLang, format: FileFormat): string {
  return kind === 'day' ? apiUrl('/reports/daily', { date, lang, format }) : apiUrl('/reports/weekly', { week: mondayOf(date), lang, format });
}

/** The leader's reports: make any day's or week's report, and the archive of kept ones. */
export function ReportsPage() {
  const { t, lang: uiLang } = useI18n();
  const meta = useMeta();
  const timeZone = meta.data?.timezone ?? 'Asia/Shanghai';
  const yesterday = addDays(todayIn(timeZone), -1);
  const [kind, setKind] = useState<ReportKind>('day');
  const [date, setDate] = useState<string>('');
  const [lang, setLang] = useState<ReportLang>(uiLang);
  const [format, setFormat] = useState<FileFormat>('docx');
  const [keeping, setKeeping] = useState<{ busy: boolean; error: string | null; kept: number | null }>({ busy: false, error: null, kept: null });
  const archive = useApi<{ items: ArchivedReportView[] }>(apiUrl('/reports/archive', { limit: 100 }));
  const day = date || yesterday;
  const r = t.reports;

  const keep = async () => {
    setKeeping({ busy: true, error: null, kept: null });
    try {
      // postJson carries the session's CSRF token, as every write does.
      const body = await postJson<ArchivedReportView>('/reports/archive', { kind, period: kind === 'day' ? day : mondayOf(day), lang, format });
      setKeeping({ busy: false, error: null, kept: body.id });
      archive.reload();
    } catch (err) {
      setKeeping({ busy: false, error: err instanceof Error ? err.message : String(err), kept: null });
    }
  };

  return (
    <section className="page page-reports" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{r.title}</h1>
      </div>
      <p>{r.intro}</p>
      <form className="filter-form" aria-label={r.make} onSubmit={(e) => e.preventDefault()} data-testid="report-form">
        <fieldset>
          <legend>{r.kind}</legend>
          {(['day', 'week'] as const).map((k) => (
            <label key={k} className="field-inline">
              <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} /> {r[k]}
            </label>
          ))}
        </fieldset>
        <label className="field-inline">
          {r.date}{' '}
          <input type="date" value={day} max={yesterday} onChange={(e) => isIsoDate(e.target.value) && setDate(e.target.value)} data-testid="report-date" />
        </label>
        {kind === 'week' && <small>{r.weekHint}</small>}
        <label className="field-inline">
          {r.lang}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as ReportLang)}>
            {REPORT_LANGS.map((l) => (
              <option key={l} value={l}>
                {r.langName[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          {r.format}{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as FileFormat)}>
            {FILE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === 'docx' ? 'Word (.docx)' : 'PDF'}
              </option>
            ))}
          </select>
        </label>
        <a className="button" href={reportUrl(kind, day, lang, format)} download data-testid="report-download">
          {r.download}
        </a>
        <button type="button" onClick={() => void keep()} disabled={keeping.busy} data-testid="report-keep">
          {r.keep}
        </button>
        {keeping.kept !== null && <span role="status">{r.kept}</span>}
        {keeping.error && <span role="alert">{keeping.error}</span>}
      </form>

      <h2>{r.archive}</h2>
      {archive.error ? (
        <ErrorPanel error={archive.error} onRetry={archive.reload} />
      ) : archive.isLoading || !archive.data ? (
        <Loading />
      ) : archive.data.items.length === 0 ? (
        <p>{r.archiveEmpty}</p>
      ) : (
        <table className="data-table" data-testid="report-archive">
          <thead>
            <tr>
              {(['period', 'kind', 'lang', 'format', 'size', 'created', 'origin', 'file'] as const).map((c) => (
                <th key={c} scope="col">
                  {r.cols[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {archive.data.items.map((f) => (
              <tr key={f.id}>
                <td>{f.kind === 'day' ? f.period : `${f.period} – ${addDays(f.period, 6)}`}</td>
                <td>{r[f.kind]}</td>
                <td>{r.langName[f.lang]}</td>
                <td>{f.format}</td>
                <td>{formatNumber(Math.ceil(f.size / 1024), uiLang === 'zh' ? 'zh-CN' : 'en-GB')} KB</td>
                <td>{formatDateTime(f.createdAt, uiLang === 'zh' ? 'zh-CN' : 'en-GB', timeZone)}</td>
                <td>{r.origin(f.origin)}</td>
                <td>
                  <a href={f.href} download>
                    {r.download}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
