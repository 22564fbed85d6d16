import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { homePath } from '../../../shared/contracts/roles.js';
import { isServerPage, safeNext } from '../auth/next.js';
import { RecoveryCodes } from '../auth/RecoveryCodes.js';
import { TotpDisable } from '../auth/TotpDisable.js';
import { TotpEnrol } from '../auth/TotpEnrol.js';
import { useSession } from '../hooks/useSession.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Two-factor enrolment (QR code, secret, confirm code, recovery codes once) or turning it off. */
export function TotpPage() {
  const { t } = useI18n();
  const z = t.accounts.totp;
  const { user, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  if (!user) return null;
  const forced = user.totpRequired && !user.totpEnabled;

  async function finish() {
    if (!user) return;
    // The session is re-read only now: a forced enrolment would otherwise leave before the codes were kept.
    await refresh();
    setCodes(null);
    const to = safeNext(params.get('next'), homePath(user.roles));
    // The queue board is the server's page, not a route of the dashboard.
    if (isServerPage(to)) window.location.assign(to);
    else navigate(to, { replace: true });
  }

  return (
    <section className="page page-narrow" aria-labelledby="page-title" data-testid="totp-page">
      <h1 id="page-title">{z.title}</h1>
      <p className="muted">{z.intro}</p>
      {forced && !codes && (
        <p className="banner" role="status" data-testid="totp-forced">
          {z.required}
        </p>
      )}
      {note && (
        <p className="form-ok" role="status">
          {note}
        </p>
      )}
      {codes ? (
        <RecoveryCodes codes={codes} onContinue={() => void finish()} />
      ) : user.totpEnabled ? (
        <>
          <p className="form-ok" data-testid="totp-on">
            {z.enabled}
          </p>
          <TotpDisable
            required={user.totpRequired}
            onDisabled={() => {
              setNote(z.disabled);
              void refresh();
            }}
          />
        </>
      ) : (
        <TotpEnrol
          onEnabled={(c) => {
            setNote(null);
            setCodes(c);
          }}
        />
      )}
    </section>
  );
}
