import { useState, type FormEvent, type ReactNode } from 'react';
import { ALERT_SEVERITIES, type AlertKind, type AlertRuleInput, type AlertSeverity, type ContactPointView } from '../../../../shared/contracts/alerts.js';
import type { Meta } from '../../hooks/useMeta.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ConditionFields } from './ConditionFields.js';
import { NotifyFields } from './NotifyFields.js';
import { toInput, type RuleDraft } from './ruleDraft.js';
import { ScopeFields } from './ScopeFields.js';

const KINDS: readonly AlertKind[] = ['keyword', 'surge', 'share_surge', 'new_incident', 'response_clock', 'answer_ineffective'];

/**
 * Every setting of an alert rule. The form does not second-guess the server: it sends what was
 * typed and the page shows the server's reason (`problem`) right under it.
 */
export function RuleForm({
  initial,
  creating,
  meta,
  contactPoints,
  busy,
  problem,
  onSave,
}: {
  initial: RuleDraft;
  creating: boolean;
  meta: Meta | undefined;
  contactPoints: readonly ContactPointView[];
  busy: boolean;
  problem: ReactNode;
  onSave: (input: AlertRuleInput) => void;
}) {
  const { t } = useI18n();
  const f = t.alertsAdmin.form;
  const [draft, setDraft] = useState(initial);
  const set = (patch: Partial<RuleDraft>) => setDraft({ ...draft, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(toInput(draft));
  };
  return (
    <form className="panel admin-form rule-form" onSubmit={submit} data-testid="rule-form" noValidate>
      <h2>{f.general}</h2>
      <div className="filter-row">
        <label className="field field-wide">
          {f.name}
          <input value={draft.name} maxLength={80} onChange={(e) => set({ name: e.target.value })} data-testid="rule-name" />
        </label>
        <label className="field">
          {f.severity}
          <select value={draft.severity} onChange={(e) => set({ severity: e.target.value as AlertSeverity })} data-testid="rule-severity">
            {ALERT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t.alerts.severity[s] ?? s}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} data-testid="rule-enabled" />
          {f.enabled}
        </label>
      </div>
      <h2>{f.condition}</h2>
      <label className="field">
        {f.kind}
        <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as AlertKind, numbers: {} })} data-testid="rule-kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t.alertsAdmin.kinds[k]}
            </option>
          ))}
        </select>
      </label>
      <ConditionFields draft={draft} onChange={setDraft} />
      <h2>{f.scope}</h2>
      <ScopeFields value={draft.scope} meta={meta} onChange={(scope) => set({ scope })} />
      <h2>{f.delivery}</h2>
      <NotifyFields draft={draft} contactPoints={contactPoints} onChange={setDraft} />
      <div aria-live="polite" className="form-problem" data-testid="rule-problem">
        {problem}
      </div>
      <button type="submit" className="primary" disabled={busy} data-testid="rule-save">
        {creating ? f.create : f.save}
      </button>
    </form>
  );
}
