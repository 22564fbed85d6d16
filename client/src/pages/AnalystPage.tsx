import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { filtersToApiQuery, filtersToSearch, parseFilters, type AnalystFilters } from '../analyst/filters.js';
import { FilterForm } from '../components/FilterForm.js';
import { MentionTable } from '../components/MentionTable.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { ThreadDialog } from '../components/ThreadDialog.js';
import { PERMISSIONS } from '../../../shared/contracts/roles.js';
import { useCan } from '../hooks/useCan.js';
import { useMentions } from '../hooks/useMentions.js';
import { FALLBACK_TIMEZONE, useMeta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { apiUrl } from '../lib/api.js';

/** The analyst's view: filters live in the URL, so a search can be shared by copying the address. */
export function AnalystPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const meta = useMeta();
  const timeZone = meta.data?.timezone ?? FALLBACK_TIMEZONE;
  const searchKey = search.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(searchKey)), [searchKey]);
  // Presets ("last 24 h") are pinned to the moment the filters were applied, so re-renders do not
  // refetch; applying the same filters again (the search button) moves them to now.
  const [appliedAt, setAppliedAt] = useState(() => Date.now());
  const query = useMemo(() => filtersToApiQuery(filters, appliedAt), [filters, appliedAt]);
  const mentions = useMentions(query);
  const [open, setOpen] = useState<{ uid: string; reviewing: boolean } | null>(null);

  function apply(next: AnalystFilters) {
    setAppliedAt(Date.now());
    setSearch(filtersToSearch(next));
  }

  const exportHref = apiUrl('/mentions/export.csv', query);
  const mayExport = useCan(PERMISSIONS.mentionsExport);

  return (
    <section className="page page-analyst" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t.analyst.title}</h1>
        {mayExport && (
          <a className="button no-print" href={exportHref} download data-testid="export-csv">
            {t.analyst.exportCsv}
          </a>
        )}
      </div>
      <FilterForm filters={filters} meta={meta.data} timeZone={timeZone} onApply={apply} />
      {renderResults()}
      {open && (
        <ThreadDialog uid={open.uid} reviewing={open.reviewing} meta={meta.data} timeZone={timeZone} onClose={() => setOpen(null)} onReviewed={mentions.reload} />
      )}
    </section>
  );

  // A render helper, not a component: a nested component type would remount (and drop focus) on every render.
  function renderResults() {
    if (mentions.error) return <ErrorPanel error={mentions.error} onRetry={mentions.reload} />;
    const page = mentions.data;
    if (!page) return <Loading />;
    if (mentions.isLoading && page.items.length === 0) return <Loading />;
    if (page.items.length === 0) {
      return (
        <p className="empty" role="status" data-testid="no-results">
          {t.analyst.empty}
        </p>
      );
    }
    return (
      <>
        <p className="results-count" role="status" data-testid="results-count">
          {mentions.isLoading ? t.common.loading : t.analyst.results(page.items.length, page.nextCursor !== null)}
        </p>
        <MentionTable
          busy={mentions.isLoading}
          items={page.items}
          meta={meta.data}
          timeZone={timeZone}
          sort={filters.sort}
          order={filters.order}
          onSort={(sort, order) => apply({ ...filters, sort, order })}
          onOpen={(uid) => setOpen({ uid, reviewing: false })}
          onReview={(uid) => setOpen({ uid, reviewing: true })}
        />
        {mentions.loadMoreError && <ErrorPanel error={mentions.loadMoreError} onRetry={mentions.loadMore} />}
        {page.nextCursor && (
          <div className="more no-print">
            <button type="button" onClick={mentions.loadMore} disabled={mentions.isLoadingMore} data-testid="load-more">
              {mentions.isLoadingMore ? t.common.loading : t.analyst.loadMore}
            </button>
          </div>
        )}
      </>
    );
  }
}
