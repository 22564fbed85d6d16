import { useI18n } from '../../i18n/I18nProvider.js';
import type { RuleDraft } from './ruleDraft.js';

type Keyword = RuleDraft['keyword'];

/** The topic rule language: rules of any/all/none keywords (OR-ed), and exclude words that veto any match. */
export function KeywordFields({ value, onChange }: { value: Keyword; onChange: (k: Keyword) => void }) {
  const { t } = useI18n();
  const f = t.alertsAdmin.form;
  const setRule = (i: number, part: 'any' | 'all' | 'none', text: string) => onChange({ ...value, rules: value.rules.map((r, j) => (j === i ? { ...r, [part]: text } : r)) });
  return (
    <div className="keyword-fields">
      <p className="muted small">
        {f.rulesOr} {f.wordsHint}
      </p>
      {value.rules.map((r, i) => (
        <fieldset key={i} className="keyword-rule" data-testid="keyword-rule">
          <legend>{f.keywordRule(i + 1)}</legend>
          {(['any', 'all', 'none'] as const).map((part) => (
            <label key={part} className="field field-grow">
              {f[part]}
              <textarea rows={2} value={r[part]} onChange={(e) => setRule(i, part, e.target.value)} data-testid={`keyword-${part}`} />
            </label>
          ))}
          {value.rules.length > 1 && (
            <button type="button" onClick={() => onChange({ ...value, rules: value.rules.filter((_, j) => j !== i) })}>
              {f.removeRule}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange({ ...value, rules: [...value.rules, { any: '', all: '', none: '' }] })} data-testid="keyword-add-rule">
        {f.addRule}
      </button>
      <label className="field field-grow">
        {f.exclude}
        <textarea rows={2} value={value.exclude} onChange={(e) => onChange({ ...value, exclude: e.target.value })} data-testid="keyword-exclude" />
      </label>
    </div>
  );
}
