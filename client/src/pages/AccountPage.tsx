import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../../shared/contracts/roles.js';
import { PASSWORD_PAGE, TOTP_PAGE } from '../auth/pages.js';
import { Fact } from '../components/Fact.js';
import { useSession } from '../hooks/useSession.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Who I am, my roles and second factor, and signing out of every device. */
export function AccountPage() {
  const { t, lang } = useI18n();
  const a = t.accounts.account;
  const { user, signOutEverywhere } = useSession();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  if (!user) return null;

  const everywhere = async () => {
    setProblem(null);
    try {
      await signOutEverywhere();
      navigate('/login', { replace: true });
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="page page-narrow" aria-labelledby="page-title" data-testid="account-page">
      <h1 id="page-title">{a.title}</h1>
      <div className="panel">
        <dl className="facts">
          <Fact term={a.displayName}>{user.displayName}</Fact>
          <Fact term={a.username}>{user.username}</Fact>
          <Fact term={a.roles}>{user.roles.map((r) => ROLE_LABELS[r][lang]).join(lang === 'zh' ? '、' : ', ')}</Fact>
          <Fact term={a.twoFactor}>{user.totpEnabled ? a.on : a.off}</Fact>
        </dl>
        <p className="page-tools">
          <Link className="button" to={PASSWORD_PAGE}>
            {a.changePassword}
          </Link>
          <Link className="button" to={TOTP_PAGE}>
            {user.totpEnabled ? a.manage2fa : a.enable2fa}
          </Link>
        </p>
      </div>
      <div className="panel">
        <h2>{a.signOutEverywhere}</h2>
        <p className="muted">{a.signOutEverywhereHint}</p>
        <button type="button" onClick={() => void everywhere()} data-testid="account-sign-out-everywhere">
          {a.signOutEverywhere}
        </button>
        {problem && (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    </section>
  );
}
