import { useState, type FormEvent } from 'react';
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/contracts/auth.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { browserTimeZone, fromZonedInput, toZonedInput } from '../lib/time.js';
import { invalidRange, type AuditFilter } from './auditFilter.js';

const toInput = (iso: string | undefined, tz: string) => (iso ? toZonedInput(Date.parse(iso), tz) : '');
const fromInput = (value: string, tz: string) => {
  const ms = value ? fromZonedInput(value, tz) : null;
  return ms === null ? undefined : new Date(ms).toISOString();
};

/** Time range, actor and action; applied on submit (written to the URL by the page). */
export function AuditFilters({ value, onApply }: { value: AuditFilter; onApply: (f: AuditFilter) => void }) {
  const { t } = useI18n();
  const a = t.accounts.audit;
  const tz = browserTimeZone();
  const [from, setFrom] = useState(toInput(value.from, tz));
  const [to, setTo] = useState(toInput(value.to, tz));
  const [actor, setActor] = useState(value.actor ?? '');
  const [action, setAction] = useState<AuditAction | ''>(value.action ?? '');
  const draft: AuditFilter = { from: fromInput(from, tz), to: fromInput(to, tz), actor: actor.trim() || undefined, action: action || undefined };
  const bad = invalidRange(draft);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!bad) onApply(draft);
  };
  const reset = () => {
    setFrom('');
    setTo('');
    setActor('');
    setAction('');
    onApply({});
  };

  return (
    <form className="filters panel" onSubmit={submit} aria-label={a.title} data-testid="audit-filters">
      <div className="filter-row">
        <label className="field">
          {a.from}
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="audit-from" />
        </label>
        <label className="field">
          {a.to}
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} data-testid="audit-to" />
        </label>
        <label className="field">
          {a.actor}
          <input value={actor} maxLength={64} onChange={(e) => setActor(e.target.value)} data-testid="audit-actor" />
        </label>
        <label className="field">
          {a.action}
          <select value={action} onChange={(e) => setAction(e.target.value as AuditAction | '')} data-testid="audit-action">
            <option value="">{a.anyAction}</option>
            {AUDIT_ACTIONS.map((x) => (
              <option key={x} value={x}>
                {a.actions[x]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {bad && (
        <p className="form-problem" role="alert">
          {a.invalidRange}
        </p>
      )}
      <div className="filter-actions">
        <button type="submit" className="primary" disabled={bad} data-testid="audit-apply">
          {a.apply}
        </button>
        <button type="button" onClick={reset}>
          {a.reset}
        </button>
      </div>
    </form>
  );
}
