import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { totpDisable } from '../lib/accounts.js';
import { ApiRequestError } from '../lib/api.js';

/** Turns TOTP off with the current password (refused while a role requires it). */
export function TotpDisable({ required, onDisabled }: { required: boolean; onDisabled: () => void }) {
  const { t } = useI18n();
  const z = t.accounts.totp;
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (required) return <p className="muted">{z.disableRequired}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await totpDisable(password);
      setPassword('');
      onDisabled();
    } catch (err) {
      setProblem(err instanceof ApiRequestError && err.status === 401 ? t.accounts.password.currentWrong : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)}>
      <h2>{z.disableTitle}</h2>
      <p className="muted">{z.disableHint}</p>
      <label className="field">
        {z.currentPassword}
        <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="totp-disable-password" />
      </label>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy || !password} data-testid="totp-disable">
        {z.disable}
      </button>
    </form>
  );
}
