import { Link } from 'react-router-dom';
import type { ContactPointView } from '../../../../shared/contracts/alerts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { browserTimeZone, formatFullDateTime } from '../../lib/time.js';

/** Every contact point with its type, whether its secrets are set, and its last change; the name opens it. */
export function ContactPointTable({ items }: { items: readonly ContactPointView[] }) {
  const { t, locale } = useI18n();
  const k = t.alertsAdmin.cp;
  if (items.length === 0) return <p className="empty">{k.empty}</p>;
  return (
    <div className="table-wrap panel">
      <table className="admin-table" data-testid="cp-table">
        <thead>
          <tr>
            <th scope="col">{k.name}</th>
            <th scope="col">{k.kind}</th>
            <th scope="col">{k.secrets}</th>
            <th scope="col">{k.updated}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-testid="cp-row" data-name={c.name}>
              <td>
                <Link to={`/admin/contact-points/${c.id}`}>{c.name}</Link>
              </td>
              <td>{k.kinds[c.kind]}</td>
              <td className="small">
                {Object.entries(c.secrets)
                  .map(([f, s]) => `${f}: ${s === 'set' ? k.secretSet : k.secretNotSet}`)
                  .join(' · ') || '—'}
              </td>
              <td className="small">
                {formatFullDateTime(c.updatedAt, locale, browserTimeZone())} · {c.updatedBy}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
