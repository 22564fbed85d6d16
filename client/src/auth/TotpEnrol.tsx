import { useState, type FormEvent } from 'react';
import type { TotpSetupResponse } from '../../../shared/contracts/auth.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { totpEnable, totpSetup } from '../lib/accounts.js';
import { ApiRequestError } from '../lib/api.js';

/** Only the server's own PNG data URL becomes an image source. */
function qrSource(url: string): string | null {
  return /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(url) ? url : null;
}

/** Asks the server for a new secret, shows it as a QR code and as text, and turns TOTP on with a code. */
export function TotpEnrol({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const { t } = useI18n();
  const z = t.accounts.totp;
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setProblem(null);
    try {
      setSetup(await totpSetup());
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onEnabled((await totpEnable(code.trim())).recoveryCodes);
    } catch (err) {
      setProblem(err instanceof ApiRequestError && err.status === 400 ? z.invalidCode : err instanceof Error ? err.message : String(err));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  if (!setup) {
    return (
      <div className="panel">
        <button type="button" className="primary" onClick={() => void start()} disabled={busy} data-testid="totp-start">
          {z.start}
        </button>
        {problem && (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    );
  }
  const qr = qrSource(setup.qrDataUrl);
  return (
    <form className="panel totp-enrol" onSubmit={(e) => void confirm(e)} data-testid="totp-enrol">
      <p>{z.scan}</p>
      {qr && <img className="totp-qr" src={qr} alt={z.qrAlt} width={200} height={200} data-testid="totp-qr" />}
      <p>{z.secret}</p>
      <p>
        <code className="secret" data-testid="totp-secret">
          {setup.secret}
        </code>
      </p>
      <label className="field">
        {z.code}
        <input
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          required
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          data-testid="totp-code"
        />
      </label>
      {problem && (
        <p className="form-problem" role="alert" data-testid="totp-error">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || code.length !== 6} data-testid="totp-confirm">
        {z.confirm}
      </button>
    </form>
  );
}
