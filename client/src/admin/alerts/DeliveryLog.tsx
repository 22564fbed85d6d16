import { useEffect } from 'react';
import type { AlertDeliveryView, ContactPointView } from '../../../../shared/contracts/alerts.js';
import { ErrorPanel, Loading } from '../../components/Status.js';
import { useApi } from '../../hooks/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { apiUrl } from '../../lib/api.js';
import { browserTimeZone, formatFullDateTime } from '../../lib/time.js';

/**
 * Every attempt to deliver, newest first, for one contact point or one alert (`of`). `revision`
 * re-reads it (after a send test); `contactPoints` names the receivers in an alert's log.
 */
export function DeliveryLog({ of, title, revision = 0, contactPoints = [] }: { of: { contactPoint: number } | { alert: number }; title: string; revision?: number; contactPoints?: readonly ContactPointView[] }) {
  const { t, locale } = useI18n();
  const k = t.alertsAdmin.deliveries;
  const path = 'contactPoint' in of ? `/contact-points/${of.contactPoint}/deliveries` : `/alerts/${of.alert}/deliveries`;
  const log = useApi<{ items: AlertDeliveryView[] }>(apiUrl(path));
  const { reload } = log;
  useEffect(() => {
    if (revision > 0) reload();
  }, [revision, reload]);
  const cpName = (id: number) => contactPoints.find((c) => c.id === id)?.name ?? `#${id}`;
  const headingId = `log-${'contactPoint' in of ? `cp-${of.contactPoint}` : `alert-${of.alert}`}`;
  return (
    <section className="panel delivery-log" aria-labelledby={headingId} data-testid="delivery-log">
      <h2 id={headingId}>{title}</h2>
      <button type="button" onClick={reload}>
        {k.reload}
      </button>
      {log.error ? (
        <ErrorPanel error={log.error} onRetry={reload} />
      ) : !log.data ? (
        <Loading />
      ) : log.data.items.length === 0 ? (
        <p className="muted">{k.empty}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{k.at}</th>
              <th scope="col">{'contactPoint' in of ? k.alert : k.contactPoint}</th>
              <th scope="col">{k.attempt}</th>
              <th scope="col">{k.status}</th>
              <th scope="col">{k.code}</th>
              <th scope="col">{k.error}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.items.map((d) => (
              <tr key={d.id} data-testid="delivery-row" data-status={d.status}>
                <td className="small">{formatFullDateTime(d.at, locale, browserTimeZone())}</td>
                <td>{'contactPoint' in of ? (d.alertId === null ? k.test : `#${d.alertId}`) : cpName(d.contactPointId)}</td>
                <td>{d.attempt}</td>
                <td>
                  <span className={`chip delivery-${d.status}`}>{k.statuses[d.status] ?? d.status}</span>
                </td>
                <td>{d.responseCode ?? '—'}</td>
                <td className="small">{d.error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
