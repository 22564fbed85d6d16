import { Link } from 'react-router-dom';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useHandover } from '../hooks/useHandover.js';
import { FALLBACK_TIMEZONE, useMeta } from '../hooks/useMeta.js';
import { useNow } from '../hooks/useNow.js';
import { useReloadOn } from '../hooks/useReloadOn.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ClockBadge, StatusBadge } from '../incidents/IncidentBadges.js';
import { IncidentTabs } from '../incidents/IncidentTabs.js';
import { useLive } from '../live/LiveProvider.js';
import { withClock } from '../live/mergeIncidents.js';
import { formatDateTime } from '../lib/time.js';
import { Fact } from '../components/Fact.js';

/** The shift handover sheet: everything still open, most urgent first, laid out to print. */
export function HandoverPage() {
  const { t, locale } = useI18n();
  const { data, isLoading, error, reload } = useHandover();
  const live = useLive();
  useReloadOn(live.incidents.revision, reload);
  const now = useNow();
  const timeZone = useMeta().data?.timezone ?? FALLBACK_TIMEZONE;
  const i = t.incidents;

  return (
    <section className="page page-handover" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{i.handoverTitle}</h1>
        <div className="page-tools">
          <IncidentTabs />
          <button type="button" className="no-print" onClick={() => window.print()} data-testid="handover-print">
            {i.print}
          </button>
        </div>
      </div>
      {error ? (
        <ErrorPanel error={error} onRetry={reload} />
      ) : !data ? (
        isLoading ? <Loading /> : null
      ) : (
        <>
          <p className="muted small">{i.printed(formatDateTime(now, locale, timeZone))}</p>
          {data.items.length === 0 ? (
            <p className="empty">{i.handoverEmpty}</p>
          ) : (
            <ol className="handover" data-testid="handover-list">
              {data.items.map((raw) => {
                const inc = withClock(raw, now);
                return (
                  <li key={inc.id} className={`handover-item level-${inc.clock.level}`} data-testid="handover-item" data-id={inc.id}>
                    <div className="handover-head">
                      <Link to={`/incidents/${inc.id}`}>{i.number(inc.id)}</Link>
                      <StatusBadge status={inc.status} />
                      <ClockBadge clock={inc.clock} />
                    </div>
                    <p className="handover-text">{inc.storyText || i.storyMissing}</p>
                    <dl className="story-facts">
                      <Fact term={i.openedAt}>{formatDateTime(inc.openedAt, locale, timeZone)}</Fact>
                      <Fact term={i.assignee}>{inc.assignee ?? i.unassigned}</Fact>
                      <Fact term={i.acknowledged}>{inc.acknowledgedBy ?? i.notAcknowledged}</Fact>
                      {inc.statusNote && (
                        <Fact term={i.lastNote}>{inc.statusNote}</Fact>
                      )}
                    </dl>
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
