import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AlertView, ContactPointView } from '../../../../shared/contracts/alerts.js';
import { ErrorPanel, Loading } from '../../components/Status.js';
import { useApi } from '../../hooks/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { apiUrl } from '../../lib/api.js';
import { browserTimeZone, formatFullDateTime } from '../../lib/time.js';
import { DeliveryLog } from './DeliveryLog.js';

/** The latest alerts of every rule, each with its delivery log on demand. */
export function RecentAlerts({ contactPoints }: { contactPoints: readonly ContactPointView[] }) {
  const { t, locale } = useI18n();
  const k = t.alertsAdmin.recent;
  const alerts = useApi<{ items: AlertView[] }>(apiUrl('/alerts', { state: 'all', limit: 30 }));
  const [shown, setShown] = useState<number | null>(null);
  const state = (a: AlertView) => [a.acknowledgedBy ? k.acked(a.acknowledgedBy) : k.unread, a.resolvedAt ? k.resolved : ''].filter(Boolean).join(' · ');
  return (
    <section className="panel" aria-labelledby="recent-alerts-title" data-testid="recent-alerts">
      <h2 id="recent-alerts-title">{k.title}</h2>
      {alerts.error ? (
        <ErrorPanel error={alerts.error} onRetry={alerts.reload} />
      ) : !alerts.data ? (
        <Loading />
      ) : alerts.data.items.length === 0 ? (
        <p className="muted">{k.empty}</p>
      ) : (
        <ul className="recent-alerts">
          {alerts.data.items.map((a) => (
            <li key={a.id} data-testid="recent-alert" data-severity={a.severity}>
              <span className={`chip severity-${a.severity}`}>{t.alerts.severity[a.severity]}</span> <Link to={a.link}>{a.title}</Link>{' '}
              <span className="small muted">
                {formatFullDateTime(a.openedAt, locale, browserTimeZone())} · {state(a)}
              </span>{' '}
              <button type="button" aria-expanded={shown === a.id} onClick={() => setShown(shown === a.id ? null : a.id)} data-testid="recent-alert-log">
                {shown === a.id ? k.hide : k.show}
              </button>
              {shown === a.id && <DeliveryLog of={{ alert: a.id }} title={t.alertsAdmin.deliveries.forAlert(a.id)} contactPoints={contactPoints} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
