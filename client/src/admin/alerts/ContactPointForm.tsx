import { useState, type FormEvent } from 'react';
import { CONTACT_POINT_KINDS, type ContactPointKind, type ContactPointView } from '../../../../shared/contracts/alerts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { saveContactPoint } from '../../lib/alertsAdmin.js';
import { cpBody, cpDraftOf, emptyCpDraft } from './cpDraft.js';
import { CpFields } from './CpFields.js';

/** Creates a contact point, or edits one (its kind is fixed once created); the server's refusal is shown under the form. */
export function ContactPointForm({ saved, onSaved }: { saved: ContactPointView | null; onSaved: (cp: ContactPointView) => void }) {
  const { t } = useI18n();
  const k = t.alertsAdmin.cp;
  const [draft, setDraft] = useState(() => (saved ? cpDraftOf(saved) : emptyCpDraft()));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    setDone(false);
    try {
      const cp = await saveContactPoint(saved?.id ?? null, cpBody(draft));
      setDone(true);
      // Typed secrets are not kept in the page once stored; the form now says "set".
      setDraft((d) => ({ ...d, url: '', secret: '', password: '' }));
      onSaved(cp);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel admin-form" onSubmit={(e) => void submit(e)} data-testid="cp-form" noValidate>
      <div className="filter-row">
        <label className="field field-wide">
          {k.name}
          <input value={draft.name} maxLength={80} onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="cp-name" />
        </label>
        <label className="field">
          {k.kind}
          <select value={draft.kind} disabled={saved !== null} onChange={(e) => setDraft({ ...draft, kind: e.target.value as ContactPointKind })} data-testid="cp-kind">
            {CONTACT_POINT_KINDS.map((x) => (
              <option key={x} value={x}>
                {k.kinds[x]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <CpFields draft={draft} saved={saved} onChange={setDraft} />
      <div className="filter-row">
        <label className="field">
          {k.quietStart}
          <input value={draft.quietStart} onChange={(e) => setDraft({ ...draft, quietStart: e.target.value })} data-testid="cp-quiet-start" />
        </label>
        <label className="field">
          {k.quietEnd}
          <input value={draft.quietEnd} onChange={(e) => setDraft({ ...draft, quietEnd: e.target.value })} data-testid="cp-quiet-end" />
        </label>
      </div>
      <div aria-live="polite" className="form-problem" data-testid="cp-problem">
        {problem && (
          <span role="alert">
            {k.problem} {problem}
          </span>
        )}
      </div>
      {done && (
        <p role="status" data-testid="cp-saved">
          {k.saved}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="cp-save">
        {k.save}
      </button>
    </form>
  );
}
