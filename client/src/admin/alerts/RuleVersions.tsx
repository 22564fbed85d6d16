import { useEffect } from 'react';
import type { AlertRuleVersionView } from '../../../../shared/contracts/alerts.js';
import { ErrorPanel, Loading } from '../../components/Status.js';
import { useApi } from '../../hooks/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { apiUrl } from '../../lib/api.js';
import { browserTimeZone, formatFullDateTime } from '../../lib/time.js';

/** Every version of a rule, newest first, with who changed it and when (`revision` re-reads it after a save). */
export function RuleVersions({ id, revision }: { id: number; revision: number }) {
  const { t, locale } = useI18n();
  const k = t.alertsAdmin.versions;
  const versions = useApi<{ items: AlertRuleVersionView[] }>(apiUrl(`/alert-rules/${id}/versions`));
  const { reload } = versions;
  useEffect(() => {
    if (revision > 0) reload();
  }, [revision, reload]);
  return (
    <section className="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">{k.title}</h2>
      {versions.error ? (
        <ErrorPanel error={versions.error} onRetry={versions.reload} />
      ) : !versions.data ? (
        <Loading />
      ) : (
        <table className="admin-table" data-testid="rule-versions">
          <thead>
            <tr>
              <th scope="col">{k.version}</th>
              <th scope="col">{k.at}</th>
              <th scope="col">{k.by}</th>
              <th scope="col">{k.what}</th>
            </tr>
          </thead>
          <tbody>
            {versions.data.items.map((v) => (
              <tr key={v.version} data-testid="rule-version">
                <td>v{v.version}</td>
                <td className="small">{formatFullDateTime(v.at, locale, browserTimeZone())}</td>
                <td>{v.by}</td>
                <td>{v.deleted || !v.config ? k.deleted : k.summary(v.config.name, v.config.enabled, t.alerts.severity[v.config.severity] ?? v.config.severity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
