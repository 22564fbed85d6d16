import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../../shared/contracts/incidents.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useIncidents } from '../hooks/useIncidents.js';
import { FALLBACK_TIMEZONE, useMeta } from '../hooks/useMeta.js';
import { useNow } from '../hooks/useNow.js';
import { useReloadOn } from '../hooks/useReloadOn.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { AckBadge, ClockBadge, StatusBadge } from '../incidents/IncidentBadges.js';
import { IncidentTabs } from '../incidents/IncidentTabs.js';
import { useLive } from '../live/LiveProvider.js';
import { withClock } from '../live/mergeIncidents.js';
import { formatDateTime } from '../lib/time.js';

const ACTIVE: readonly IncidentStatus[] = ['open', 'verifying', 'watching'];
type Filter = 'active' | 'all' | IncidentStatus;

function statusesOf(filter: Filter): readonly IncidentStatus[] {
  if (filter === 'active') return ACTIVE;
  if (filter === 'all') return [];
  return [filter];
}

function readFilter(v: string | null): Filter {
  if (v === 'all') return 'all';
  return v && (INCIDENT_STATUSES as readonly string[]).includes(v) ? (v as IncidentStatus) : 'active';
}

/** Rumour incidents, newest first, with their response clocks; refreshed as changes are pushed. */
export function IncidentsPage() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchParams();
  const filter = readFilter(search.get('status'));
  const statuses = useMemo(() => statusesOf(filter), [filter]);
  const { data, isLoading, error, reload } = useIncidents(statuses);
  const live = useLive();
  useReloadOn(live.incidents.revision, reload);
  const now = useNow();
  const timeZone = useMeta().data?.timezone ?? FALLBACK_TIMEZONE;
  const filters: Filter[] = ['active', ...INCIDENT_STATUSES, 'all'];
  const label = (f: Filter) => (f === 'active' ? t.incidents.filterActive : f === 'all' ? t.incidents.filterAll : t.incidents.status[f]);

  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t.incidents.title}</h1>
        <IncidentTabs />
      </div>
      <div className="segmented" role="group" aria-label={t.incidents.filterLabel}>
        {filters.map((f) => (
          <button key={f} type="button" aria-pressed={f === filter} onClick={() => setSearch(f === 'active' ? {} : { status: f })} data-testid={`filter-${f}`}>
            {label(f)}
          </button>
        ))}
      </div>
      {error ? (
        <ErrorPanel error={error} onRetry={reload} />
      ) : !data ? (
        isLoading ? <Loading /> : null
      ) : data.items.length === 0 ? (
        <p className="empty">{filter === 'active' ? t.incidents.emptyActive : t.incidents.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="mentions incidents" data-testid="incident-list">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t.incidents.story}</th>
                <th scope="col">{t.incidents.statusLabel}</th>
                <th scope="col">{t.incidents.clock.label}</th>
                <th scope="col">{t.incidents.score}</th>
                <th scope="col">{t.incidents.assignee}</th>
                <th scope="col">{t.incidents.openedAt}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((raw) => {
                const inc = withClock(raw, now);
                return (
                  <tr key={inc.id} data-testid="incident-row" data-id={inc.id}>
                    <td>
                      <Link to={`/incidents/${inc.id}`}>#{inc.id}</Link>
                    </td>
                    <td className="col-text">
                      <Link to={`/incidents/${inc.id}`} className="incident-text">
                        {inc.storyText || t.incidents.storyMissing}
                      </Link>
                      {inc.knownIncidentId !== null && <span className="chip chip-known">{t.incidents.known} #{inc.knownIncidentId}</span>}
                    </td>
                    <td>
                      <StatusBadge status={inc.status} /> <AckBadge incident={inc} />
                    </td>
                    <td>
                      <ClockBadge clock={inc.clock} />
                    </td>
                    <td className="col-num">{Math.round((inc.story?.rumourScore ?? inc.scoreAtOpen) * 100)}%</td>
                    <td>{inc.assignee ?? <span className="muted">{t.incidents.unassigned}</span>}</td>
                    <td className="col-time">
                      <time dateTime={inc.openedAt}>{formatDateTime(inc.openedAt, locale, timeZone)}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
