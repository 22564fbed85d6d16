import { useSearchParams } from 'react-router-dom';
import { AuditFilters } from '../audit/AuditFilters.js';
import { auditQuery, parseAuditFilter, type AuditFilter } from '../audit/auditFilter.js';
import { AuditTable } from '../audit/AuditTable.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useAuditLog } from '../hooks/useAuditLog.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { apiUrl, toQuery } from '../lib/api.js';

/** The auditor's page: filter the audit log by time, actor and action, and export it. Read-only. */
export function AuditPage() {
  const { t } = useI18n();
  const a = t.accounts.audit;
  const [params, setParams] = useSearchParams();
  const filter = parseAuditFilter(params);
  const log = useAuditLog(filter);
  const apply = (f: AuditFilter) => setParams(new URLSearchParams(toQuery(auditQuery(f)).slice(1)));
  const items = log.items;

  return (
    <section className="page page-audit" aria-labelledby="page-title" data-testid="audit-page">
      <div className="page-head">
        <h1 id="page-title">{a.title}</h1>
        <a className="button no-print" href={apiUrl('/audit.csv', auditQuery(filter))} download data-testid="audit-export">
          {a.exportCsv}
        </a>
      </div>
      <p className="muted">{a.intro}</p>
      {/* Keyed by the URL so Back/Forward and a shared link refill the form. */}
      <AuditFilters key={params.toString()} value={filter} onApply={apply} />
      {log.error && <ErrorPanel error={log.error} onRetry={log.reload} />}
      {!items ? (
        !log.error && <Loading />
      ) : (
        <>
          <p className="results-count" aria-live="polite" data-testid="audit-count">
            {a.shown(items.length, log.hasMore)}
          </p>
          {items.length === 0 ? <p className="empty">{a.empty}</p> : <AuditTable items={items} busy={log.isLoading} />}
          {log.hasMore && (
            <p className="more">
              <button type="button" onClick={log.loadMore} disabled={log.isLoadingMore} data-testid="audit-more">
                {a.loadMore}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
