import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import type { SessionUser } from '../../../shared/contracts/auth.js';
import { ROLE_LABELS } from '../../../shared/contracts/roles.js';
import { ACCOUNT_PAGE, isGated, PASSWORD_PAGE, TOTP_PAGE } from '../auth/pages.js';
import { useSession } from '../hooks/useSession.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Display name and roles, with the own-account links and the two ways to sign out. */
export function UserMenu({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const a = t.accounts.account;
  const { signOut, signOutEverywhere } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const ref = useRef<HTMLDetailsElement>(null);
  const [error, setError] = useState<string | null>(null);

  // Moving to another page closes the menu.
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [location.pathname]);

  const out = async (everywhere: boolean) => {
    setError(null);
    try {
      await (everywhere ? signOutEverywhere() : signOut());
      navigate('/login', { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const roles = user.roles.map((r) => ROLE_LABELS[r][lang]).join(lang === 'zh' ? '、' : ', ');
  const gated = isGated(user);

  return (
    <details className="user-menu" ref={ref} data-testid="user-menu">
      <summary aria-label={`${a.menu}: ${user.displayName}`}>
        <span className="user-name" data-testid="user-name">
          {user.displayName}
        </span>
      </summary>
      <div className="user-menu-body">
        <p className="user-menu-who">
          <strong>{user.displayName}</strong> <span className="muted">({user.username})</span>
        </p>
        <p className="muted small" data-testid="user-roles">
          {a.roles}: {roles}
        </p>
        <ul>
          {!gated && (
            <li>
              <Link to={ACCOUNT_PAGE}>{t.accounts.nav.account}</Link>
            </li>
          )}
          <li>
            <Link to={PASSWORD_PAGE} data-testid="menu-password">
              {a.changePassword}
            </Link>
          </li>
          {!user.mustChangePassword && (
            <li>
              <Link to={TOTP_PAGE} data-testid="menu-totp">
                {user.totpEnabled ? a.manage2fa : a.enable2fa}
              </Link>
            </li>
          )}
          <li>
            <button type="button" className="link-button" onClick={() => void out(false)} data-testid="sign-out">
              {a.signOut}
            </button>
          </li>
          <li>
            <button type="button" className="link-button" title={a.signOutEverywhereHint} onClick={() => void out(true)} data-testid="sign-out-everywhere">
              {a.signOutEverywhere}
            </button>
          </li>
        </ul>
        {error && (
          <p className="form-problem" role="alert">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
