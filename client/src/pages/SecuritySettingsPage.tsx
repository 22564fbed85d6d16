import { useState } from 'react';
import type { SecuritySettings } from '../../../shared/contracts/auth.js';
import type { Role } from '../../../shared/contracts/roles.js';
import { RolePicker } from '../admin/RolePicker.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useSecuritySettings } from '../hooks/useSecuritySettings.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { saveSecuritySettings } from '../lib/accounts.js';

function SettingsForm({ initial, onSaved }: { initial: SecuritySettings; onSaved: () => void }) {
  const { t } = useI18n();
  const s = t.accounts.settings;
  const [roles, setRoles] = useState<Role[]>(initial.totpRequiredRoles);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    setBusy(true);
    setNote(null);
    try {
      await saveSecuritySettings({ totpRequiredRoles: roles });
      setNote({ ok: true, text: s.saved });
      onSaved();
    } catch (err) {
      setNote({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <RolePicker value={roles} onChange={setRoles} legend={s.totpRoles} testId="totp-roles" />
      {note && (
        <p className={note.ok ? 'form-ok' : 'form-problem'} role="status">
          {note.text}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="settings-save">
        {s.save}
      </button>
    </form>
  );
}

/** Security settings: the roles that must use TOTP (settings.write). */
export function SecuritySettingsPage() {
  const { t } = useI18n();
  const s = t.accounts.settings;
  const settings = useSecuritySettings();
  return (
    <section className="page page-narrow" aria-labelledby="page-title" data-testid="settings-page">
      <h1 id="page-title">{s.title}</h1>
      <p className="muted">{s.intro}</p>
      {settings.error ? (
        <ErrorPanel error={settings.error} onRetry={settings.reload} />
      ) : !settings.data ? (
        <Loading />
      ) : (
        <SettingsForm initial={settings.data} onSaved={settings.reload} />
      )}
    </section>
  );
}
