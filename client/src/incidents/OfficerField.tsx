import { useState } from 'react';
import { personNameSchema } from '../../../shared/contracts/incidents.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Who is acting: typed once, then shown with a way to change it. */
export function OfficerField({ officer, onChange }: { officer: string; onChange: (name: string) => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(officer === '');
  const [draft, setDraft] = useState(officer);
  const valid = personNameSchema.safeParse(draft).success;
  if (!editing && officer) {
    return (
      <p className="officer">
        {t.incidents.officer}: <strong data-testid="officer-name">{officer}</strong>{' '}
        <button type="button" onClick={() => setEditing(true)}>
          {t.incidents.officerChange}
        </button>
      </p>
    );
  }
  return (
    <form
      className="officer"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        onChange(draft);
        setEditing(false);
      }}
    >
      <label className="field">
        {t.incidents.officerHint}
        <input value={draft} maxLength={40} onChange={(e) => setDraft(e.target.value)} data-testid="officer-input" autoComplete="name" />
      </label>
      <button type="submit" disabled={!valid} data-testid="officer-save">
        {t.incidents.officerSave}
      </button>
    </form>
  );
}
