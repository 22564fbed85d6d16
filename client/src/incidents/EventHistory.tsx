import type { IncidentEventView, IncidentStatus } from '../../../shared/contracts/incidents.js';
import { INCIDENT_STATUSES } from '../../../shared/contracts/incidents.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDateTime } from '../lib/time.js';

const isStatus = (v: string | null): v is IncidentStatus => v !== null && (INCIDENT_STATUSES as readonly string[]).includes(v);

/** Every change, oldest first, with who and when. */
export function EventHistory({ events, timeZone }: { events: IncidentEventView[]; timeZone: string }) {
  const { t, locale } = useI18n();
  const value = (v: string | null) => (isStatus(v) ? t.incidents.status[v] : v);
  return (
    <ol className="history" data-testid="incident-history">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.at}>{formatDateTime(e.at, locale, timeZone)}</time>
          <span className="history-actor">{e.actor === 'system' ? t.incidents.system : e.actor}</span>
          <span className="history-action">
            {t.incidents.action[e.action]}
            {e.action !== 'opened' && e.action !== 'acknowledged' && e.to !== null && (
              <>
                {': '}
                {e.from !== null && <span className="muted">{value(e.from)} → </span>}
                {e.action === 'known' ? `#${e.to}` : value(e.to)}
              </>
            )}
          </span>
          {e.note && <span className="history-note">{e.note}</span>}
        </li>
      ))}
    </ol>
  );
}
