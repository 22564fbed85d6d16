import type { ReportDeliveryView } from '../../../../shared/contracts/report-subscriptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addDays, formatFullDateTime } from '../../lib/time.js';

const STATUS_CHIP: Record<ReportDeliveryView['status'], string> = { sent: 'chip', sending: 'chip', failed: 'chip chip-critical', gone: 'chip' };

/** What was sent to whom: one row per contact point, report, period and language, newest first. */
export function ReportDeliveryLog({ items, timeZone }: { items: ReportDeliveryView[]; timeZone: string }) {
  const { t, locale } = useI18n();
  const d = t.reports.delivery;
  if (items.length === 0) return <p className="empty">{d.logEmpty}</p>;
  return (
    <div className="table-wrap panel">
      <table className="admin-table" data-testid="report-deliveries">
        <caption className="visually-hidden">{d.log}</caption>
        <thead>
          <tr>
            {(['period', 'report', 'contactPoint', 'lang', 'status', 'attempts', 'finished', 'error'] as const).map((c) => (
              <th key={c} scope="col">
                {d.logCols[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id} data-testid="report-delivery-row" data-status={x.status}>
              <td>{x.kind === 'day' ? x.period : `${x.period} – ${addDays(x.period, 6)}`}</td>
              <td>{x.kind === 'day' ? d.daily : d.weekly}</td>
              <td>
                {x.contactPointName ?? `#${x.contactPointId}`}
                {x.contactPointKind && <span className="muted small"> · {d.kinds[x.contactPointKind] ?? x.contactPointKind}</span>}
                {x.contactPointDeleted && <span className="muted small"> {d.deleted}</span>}
              </td>
              <td>{d.langName[x.lang]}</td>
              <td>
                <span className={STATUS_CHIP[x.status]}>{d.status[x.status]}</span>
              </td>
              <td>{x.attempts}</td>
              <td className="small">{x.finishedAt ? formatFullDateTime(x.finishedAt, locale, timeZone) : '—'}</td>
              <td className="small">{x.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
