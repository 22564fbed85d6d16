import { useI18n } from '../../i18n/I18nProvider.js';
import { CheckList } from './CheckList.js';
import { KeywordFields } from './KeywordFields.js';
import { NUMBER_FIELDS, type RuleDraft } from './ruleDraft.js';

const MARKS = [5, 24, 48] as const;

/** The settings of the chosen kind: keywords, or the numbers of a surge, a clock or an answer check. */
export function ConditionFields({ draft, onChange }: { draft: RuleDraft; onChange: (d: RuleDraft) => void }) {
  const { t } = useI18n();
  const f = t.alertsAdmin.form;
  return (
    <>
      <p className="muted small" data-testid="kind-help">
        {t.alertsAdmin.kindHelp[draft.kind]}
      </p>
      {draft.kind === 'keyword' && <KeywordFields value={draft.keyword} onChange={(keyword) => onChange({ ...draft, keyword })} />}
      {draft.kind === 'share_surge' && (
        <label className="field">
          {f.share}
          <select value={draft.share} onChange={(e) => onChange({ ...draft, share: e.target.value as RuleDraft['share'] })} data-testid="rule-share">
            <option value="negative">{f.shares.negative}</option>
            <option value="critical">{f.shares.critical}</option>
          </select>
        </label>
      )}
      {draft.kind === 'response_clock' && (
        <CheckList legend={f.marks} options={MARKS.map((m) => ({ value: m, label: `${m} h` }))} value={draft.marks} onChange={(marks) => onChange({ ...draft, marks })} testId="rule-marks" />
      )}
      {NUMBER_FIELDS[draft.kind].length > 0 && (
        <div className="filter-row">
          {NUMBER_FIELDS[draft.kind].map((n) => (
            <label key={n} className="field">
              {f.numbers[n] ?? n}
              <input
                inputMode="decimal"
                value={draft.numbers[n] ?? ''}
                placeholder={f.numberDefault}
                onChange={(e) => onChange({ ...draft, numbers: { ...draft.numbers, [n]: e.target.value } })}
                data-testid={`rule-number-${n}`}
              />
            </label>
          ))}
        </div>
      )}
    </>
  );
}
