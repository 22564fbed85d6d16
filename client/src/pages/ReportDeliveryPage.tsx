import { useState } from 'react';
import type { ContactPointView } from '../../../shared/contracts/alerts.js';
import type { ReportDeliveryView, ReportSubscriptionView } from '../../../shared/contracts/report-subscriptions.js';
import { ReportDeliveryLog } from '../admin/reports/ReportDeliveryLog.js';
import { SubscriptionForm } from '../admin/reports/SubscriptionForm.js';
import { SubscriptionTable } from '../admin/reports/SubscriptionTable.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useApi } from '../hooks/useApi.js';
import { FALLBACK_TIMEZONE, useMeta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { apiUrl } from '../lib/api.js';

/** The administrator's side of the reports (alerts.manage): which contact points receive them, and what was sent. */
export function ReportDeliveryPage() {
  const { t } = useI18n();
  const d = t.reports.delivery;
  const timeZone = useMeta().data?.timezone ?? FALLBACK_TIMEZONE;
  const subscriptions = useApi<{ items: ReportSubscriptionView[] }>(apiUrl('/reports/subscriptions'));
  const contactPoints = useApi<{ items: ContactPointView[] }>(apiUrl('/contact-points'));
  const deliveries = useApi<{ items: ReportDeliveryView[] }>(apiUrl('/reports/deliveries', { limit: 200 }));
  const [editing, setEditing] = useState<ReportSubscriptionView | null>(null);
  const failed = subscriptions.error ?? contactPoints.error;

  return (
    <section className="page page-admin" aria-labelledby="page-title" data-testid="report-delivery-page">
      <h1 id="page-title">{d.title}</h1>
      <p className="muted">{d.intro}</p>
      {failed ? (
        <ErrorPanel
          error={failed}
          onRetry={() => {
            subscriptions.reload();
            contactPoints.reload();
          }}
        />
      ) : !subscriptions.data || !contactPoints.data ? (
        <Loading />
      ) : (
        <>
          <SubscriptionForm
            // A new key per subscription edited starts the form from that subscription's values.
            key={editing?.id ?? 'new'}
            contactPoints={contactPoints.data.items}
            editing={editing}
            onSaved={() => {
              setEditing(null);
              subscriptions.reload();
            }}
            onCancel={() => setEditing(null)}
          />
          <h2>{d.subscriptions}</h2>
          <SubscriptionTable
            items={subscriptions.data.items}
            timeZone={timeZone}
            onEdit={setEditing}
            onChanged={() => {
              setEditing(null);
              subscriptions.reload();
            }}
          />
        </>
      )}
      <h2>{d.log}</h2>
      <p className="muted small">{d.logIntro}</p>
      {deliveries.error ? (
        <ErrorPanel error={deliveries.error} onRetry={deliveries.reload} />
      ) : !deliveries.data ? (
        <Loading />
      ) : (
        <ReportDeliveryLog items={deliveries.data.items} timeZone={timeZone} />
      )}
    </section>
  );
}
