import type { AlertRuleView } from '../../../../shared/contracts/alerts.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Disable (or enable again) and delete, each asking first. */
export function RuleDanger({ rule, busy, onToggle, onDelete }: { rule: AlertRuleView; busy: boolean; onToggle: () => void; onDelete: () => void }) {
  const { t } = useI18n();
  const k = t.alertsAdmin.danger;
  return (
    <section className="panel" aria-labelledby="danger-title">
      <h2 id="danger-title">{k.title}</h2>
      <div className="action-row">
        <ConfirmButton
          label={rule.enabled ? k.disable : k.enable}
          question={rule.enabled ? k.disableConfirm(rule.name) : k.enableConfirm(rule.name)}
          onConfirm={onToggle}
          disabled={busy}
          testId="rule-toggle"
        />
        <ConfirmButton label={k.delete} question={k.deleteConfirm(rule.name)} onConfirm={onDelete} disabled={busy} testId="rule-delete" />
      </div>
    </section>
  );
}
