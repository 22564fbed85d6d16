import type { AuditEntry } from '../../../shared/contracts/auth.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { browserTimeZone, formatFullDateTime } from '../lib/time.js';

/** The detail object as one line of `key: value`; values are text, never markup. */
function detailText(detail: AuditEntry['detail']): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

/** Audit rows: time, actor and roles, source, action, object, result, detail. */
export function AuditTable({ items, busy = false }: { items: AuditEntry[]; /** Newer rows are loading: these are about to be replaced. */ busy?: boolean }) {
  const { t, locale } = useI18n();
  const a = t.accounts.audit;
  const tz = browserTimeZone();
  return (
    <div className="table-wrap">
      <table className="admin-table audit-table" data-testid="audit-table" aria-busy={busy} data-busy={busy}>
        <thead>
          <tr>
            <th scope="col">{a.time}</th>
            <th scope="col">{a.actor}</th>
            <th scope="col">{a.roles}</th>
            <th scope="col">{a.ip}</th>
            <th scope="col">{a.action}</th>
            <th scope="col">{a.object}</th>
            <th scope="col">{a.result}</th>
            <th scope="col">{a.detail}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} data-action={e.action} data-result={e.result} data-testid="audit-row">
              <td className="col-time">
                <time dateTime={e.time}>{formatFullDateTime(e.time, locale, tz)}</time>
              </td>
              <td>{e.actor}</td>
              <td className="small">{e.roles.join(', ')}</td>
              <td className="small">{e.ip ?? '—'}</td>
              <td title={e.action}>{a.actions[e.action] ?? e.action}</td>
              <td className="small">{e.object ?? '—'}</td>
              <td>
                <span className={`chip audit-${e.result}`}>{a.results[e.result] ?? e.result}</span>
              </td>
              <td className="small audit-detail">{detailText(e.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
