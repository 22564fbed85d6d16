import { Link } from 'react-router-dom';
import type { AlertRuleView, ContactPointView } from '../../../shared/contracts/alerts.js';
import { RecentAlerts } from '../admin/alerts/RecentAlerts.js';
import { RuleTable } from '../admin/alerts/RuleTable.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useApi } from '../hooks/useApi.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { apiUrl } from '../lib/api.js';

/** The alert rules (alerts.manage) and the latest alerts they raised, with where each was delivered. */
export function AlertRulesPage() {
  const { t } = useI18n();
  const k = t.alertsAdmin.rules;
  const rules = useApi<{ items: AlertRuleView[] }>(apiUrl('/alert-rules'));
  const cps = useApi<{ items: ContactPointView[] }>(apiUrl('/contact-points'));
  return (
    <section className="page page-admin" aria-labelledby="page-title" data-testid="alert-rules-page">
      <h1 id="page-title">{k.title}</h1>
      <p className="muted">{k.intro}</p>
      <p>
        <Link className="button primary" to="/admin/alert-rules/new" data-testid="rule-new">
          {k.create}
        </Link>
      </p>
      {rules.error ? <ErrorPanel error={rules.error} onRetry={rules.reload} /> : !rules.data ? <Loading /> : <RuleTable items={rules.data.items} />}
      <RecentAlerts contactPoints={cps.data?.items ?? []} />
    </section>
  );
}
