import { Link } from 'react-router-dom';
import type { ContactPointView } from '../../../shared/contracts/alerts.js';
import { ContactPointTable } from '../admin/alerts/ContactPointTable.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useApi } from '../hooks/useApi.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { apiUrl } from '../lib/api.js';

/** Where alerts are sent (alerts.manage): the list, and a way to add one. */
export function ContactPointsPage() {
  const { t } = useI18n();
  const k = t.alertsAdmin.cp;
  const cps = useApi<{ items: ContactPointView[] }>(apiUrl('/contact-points'));
  return (
    <section className="page page-admin" aria-labelledby="page-title" data-testid="contact-points-page">
      <h1 id="page-title">{k.title}</h1>
      <p className="muted">{k.intro}</p>
      <p>
        <Link className="button primary" to="/admin/contact-points/new" data-testid="cp-new">
          {k.create}
        </Link>
      </p>
      {cps.error ? <ErrorPanel error={cps.error} onRetry={cps.reload} /> : !cps.data ? <Loading /> : <ContactPointTable items={cps.data.items} />}
    </section>
  );
}
