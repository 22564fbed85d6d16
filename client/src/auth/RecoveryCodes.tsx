import { useState } from 'react';
import { CopyButton } from '../components/CopyButton.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** The recovery codes, shown once; "Continue" stays off until the user confirms they kept them. */
export function RecoveryCodes({ codes, onContinue }: { codes: string[]; onContinue: () => void }) {
  const { t } = useI18n();
  const z = t.accounts.totp;
  const [saved, setSaved] = useState(false);
  return (
    <div className="panel recovery" data-testid="recovery-codes">
      <h2>{z.recoveryTitle}</h2>
      <p className="form-ok">{z.enabled}</p>
      <p>{z.recoveryIntro}</p>
      <ol className="recovery-list">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p>
        <CopyButton text={codes.join('\n')} testId="recovery-copy" />
      </p>
      <label className="field-inline">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} data-testid="recovery-saved" />
        {z.savedThem}
      </label>
      <p>
        <button type="button" className="primary" disabled={!saved} onClick={onContinue} data-testid="recovery-continue">
          {z.continue}
        </button>
      </p>
    </div>
  );
}
