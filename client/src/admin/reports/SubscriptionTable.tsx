import { useState } from 'react';
import type { ReportSubscriptionView } from '../../../../shared/contracts/report-subscriptions.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { deleteSubscription } from '../../lib/reportSubscriptions.js';
import { formatFullDateTime } from '../../lib/time.js';

/** Every subscription: contact point, which reports, language, last change; edit and delete. */
export function SubscriptionTable({ items, timeZone, onEdit, onChanged }: { items: ReportSubscriptionView[]; timeZone: string; onEdit: (s: ReportSubscriptionView) => void; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const d = t.reports.delivery;
  const [problem, setProblem] = useState<string | null>(null);

  const remove = async (id: number) => {
    setProblem(null);
    try {
      await deleteSubscription(id);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
    onChanged();
  };

  if (items.length === 0) return <p className="empty">{d.empty}</p>;
  return (
    <div className="table-wrap panel">
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <table className="admin-table" data-testid="subscriptions-table">
        <caption className="visually-hidden">{d.subscriptions}</caption>
        <thead>
          <tr>
            {(['contactPoint', 'kind', 'reports', 'lang', 'updated', 'actions'] as const).map((c) => (
              <th key={c} scope="col">
                {d.cols[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id} data-testid="subscription-row" data-name={s.contactPointName}>
              <td>{s.contactPointName}</td>
              <td>{d.kinds[s.contactPointKind] ?? s.contactPointKind}</td>
              <td>{[s.daily && d.daily, s.weekly && d.weekly].filter(Boolean).join(d.listJoin)}</td>
              <td>{d.langName[s.lang]}</td>
              <td className="small">{d.updatedBy(formatFullDateTime(s.updatedAt, locale, timeZone), s.updatedBy)}</td>
              <td>
                <button type="button" onClick={() => onEdit(s)} data-testid="subscription-edit">
                  {d.editButton}
                </button>{' '}
                <ConfirmButton label={d.remove} question={d.removeConfirm(s.contactPointName)} onConfirm={() => void remove(s.id)} testId="subscription-delete" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
