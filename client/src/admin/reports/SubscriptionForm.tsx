import { useState, type FormEvent } from 'react';
import type { ContactPointView } from '../../../../shared/contracts/alerts.js';
import type { ReportSubscriptionView } from '../../../../shared/contracts/report-subscriptions.js';
import { REPORT_LANGS, type ReportLang } from '../../../../shared/contracts/reports.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { saveSubscription, type SubscriptionDraft } from '../../lib/reportSubscriptions.js';

const EMPTY: SubscriptionDraft = { contactPointId: null, daily: true, weekly: false, lang: 'zh' };

function draftOf(s: ReportSubscriptionView | null): SubscriptionDraft {
  return s ? { contactPointId: s.contactPointId, daily: s.daily, weekly: s.weekly, lang: s.lang } : EMPTY;
}

/**
 * Adds a subscription, or changes `editing`. Nothing is checked here: what the server refuses
 * (no contact point, neither report, a second one in the same language) is shown as it says it.
 */
export function SubscriptionForm({ contactPoints, editing, onSaved, onCancel }: { contactPoints: ContactPointView[]; editing: ReportSubscriptionView | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const d = t.reports.delivery;
  const [draft, setDraft] = useState<SubscriptionDraft>(() => draftOf(editing));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // In-app contact points cannot receive reports; an edited one is listed even so, to show what it is.
  const choices = contactPoints.filter((c) => c.kind !== 'in_app' || c.id === editing?.contactPointId);
  const set = (patch: Partial<SubscriptionDraft>) => setDraft((x) => ({ ...x, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await saveSubscription(editing?.id ?? null, draft);
      if (!editing) setDraft(EMPTY);
      onSaved();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const heading = editing ? d.edit(editing.contactPointName) : d.add;
  return (
    <form className="panel admin-form" aria-label={heading} onSubmit={(e) => void submit(e)} data-testid="subscription-form">
      <h2>{heading}</h2>
      {choices.length === 0 && <p className="muted">{d.noContactPoints}</p>}
      <div className="filter-row">
        <label className="field">
          {d.contactPoint}
          <select value={draft.contactPointId ?? ''} onChange={(e) => set({ contactPointId: e.target.value === '' ? null : Number(e.target.value) })} data-testid="subscription-contact-point">
            <option value="">{d.choose}</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} · {d.kinds[c.kind] ?? c.kind}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend>{d.reports}</legend>
          <label className="field-inline">
            <input type="checkbox" checked={draft.daily} onChange={(e) => set({ daily: e.target.checked })} data-testid="subscription-daily" /> {d.daily}
          </label>
          <label className="field-inline">
            <input type="checkbox" checked={draft.weekly} onChange={(e) => set({ weekly: e.target.checked })} data-testid="subscription-weekly" /> {d.weekly}
          </label>
        </fieldset>
        <label className="field">
          {d.lang}
          <select value={draft.lang} onChange={(e) => set({ lang: e.target.value as ReportLang })} data-testid="subscription-lang">
            {REPORT_LANGS.map((l) => (
              <option key={l} value={l}>
                {d.langName[l]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem && (
        <p className="form-problem" role="alert" data-testid="subscription-problem">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="subscription-save">
        {editing ? d.save : d.add}
      </button>{' '}
      {editing && (
        <button type="button" onClick={onCancel} data-testid="subscription-cancel">
          {d.cancel}
        </button>
      )}
    </form>
  );
}
