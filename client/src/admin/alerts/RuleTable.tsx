import { Link } from 'react-router-dom';
import type { AlertRuleView } from '../../../../shared/contracts/alerts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { browserTimeZone, formatFullDateTime } from '../../lib/time.js';
import { scopeText } from './scopeText.js';

/** Every rule with its kind, severity, scope, state and version; the name opens the rule. */
export function RuleTable({ items }: { items: readonly AlertRuleView[] }) {
  const { t, locale } = useI18n();
  const k = t.alertsAdmin.rules;
  if (items.length === 0) return <p className="empty">{k.empty}</p>;
  return (
    <div className="table-wrap panel">
      <table className="admin-table" data-testid="rules-table">
        <thead>
          <tr>
            <th scope="col">{k.name}</th>
            <th scope="col">{k.kind}</th>
            <th scope="col">{k.severity}</th>
            <th scope="col">{k.scope}</th>
            <th scope="col">{k.enabled}</th>
            <th scope="col">{k.version}</th>
            <th scope="col">{k.updated}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} data-testid="rule-row" data-name={r.name}>
              <td>
                <Link to={`/admin/alert-rules/${r.id}`}>{r.name}</Link>
              </td>
              <td>{t.alertsAdmin.kinds[r.condition.kind]}</td>
              <td>
                <span className={`chip severity-${r.severity}`}>{t.alerts.severity[r.severity]}</span>
              </td>
              <td className="small">{scopeText(r.scope, k.allScope)}</td>
              <td>{r.enabled ? k.on : <span className="muted">{k.disabled}</span>}</td>
              <td>v{r.version}</td>
              <td className="small">
                {formatFullDateTime(r.updatedAt, locale, browserTimeZone())} · {r.updatedBy}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
