import type { ContactPointView } from '../../../../shared/contracts/alerts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CheckList } from './CheckList.js';
import type { RuleDraft } from './ruleDraft.js';

/** Where the rule's alerts go, when to escalate, the cool-down and the rule's quiet hours. */
export function NotifyFields({ draft, contactPoints, onChange }: { draft: RuleDraft; contactPoints: readonly ContactPointView[]; onChange: (d: RuleDraft) => void }) {
  const { t } = useI18n();
  const f = t.alertsAdmin.form;
  const options = contactPoints.map((c) => ({ value: c.id, label: `${c.name} (${t.alertsAdmin.cp.kinds[c.kind] ?? c.kind})` }));
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch });
  return (
    <>
      {options.length === 0 ? (
        <p className="muted small">{f.noContactPoints}</p>
      ) : (
        <CheckList legend={f.contactPoints} options={options} value={draft.contactPoints} onChange={(contactPoints) => set({ contactPoints })} testId="rule-contact-points" />
      )}
      <div className="filter-row">
        <label className="field">
          {f.escalationAfter}
          <input inputMode="numeric" value={draft.escalationAfter} onChange={(e) => set({ escalationAfter: e.target.value })} data-testid="rule-escalation-after" />
        </label>
      </div>
      {options.length > 0 && (
        <CheckList legend={f.escalationTo} options={options} value={draft.escalationContactPoints} onChange={(escalationContactPoints) => set({ escalationContactPoints })} testId="rule-escalation-to" />
      )}
      <div className="filter-row">
        <label className="field">
          {f.cooldown}
          <input inputMode="numeric" value={draft.cooldownMinutes} onChange={(e) => set({ cooldownMinutes: e.target.value })} data-testid="rule-cooldown" />
        </label>
        <label className="field">
          {f.quietStart}
          <input value={draft.quietStart} placeholder="22:00" onChange={(e) => set({ quietStart: e.target.value })} data-testid="rule-quiet-start" />
        </label>
        <label className="field">
          {f.quietEnd}
          <input value={draft.quietEnd} placeholder="07:00" onChange={(e) => set({ quietEnd: e.target.value })} data-testid="rule-quiet-end" />
        </label>
      </div>
      <p className="muted small">{f.quietHelp}</p>
    </>
  );
}
