import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { homePath } from '../../../shared/contracts/roles.js';
import { loginProblem } from '../auth/loginError.js';
import { isServerPage, safeNext } from '../auth/next.js';
import { AuthCard } from '../components/AuthCard.js';
import { useSession } from '../hooks/useSession.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Username and password, then the second factor when the server asks for it. */
export function LoginPage() {
  const { t } = useI18n();
  const l = t.accounts.login;
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const next = params.get('next');

  if (state.status === 'signedIn' && !busy) {
    const to = safeNext(next, homePath(state.user.roles));
    return isServerPage(to) ? <LeaveFor path={to} /> : <Navigate to={to} replace />;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const code = totp.trim();
    try {
      const answer = await signIn({ username: username.trim(), password, ...(askTotp && code ? { totp: code } : {}) });
      // The forced password change or enrolment takes over from here when the session needs it.
      const to = safeNext(next, homePath(answer.user.roles));
      if (isServerPage(to)) window.location.assign(to);
      else navigate(to, { replace: true });
    } catch (err) {
      const p = loginProblem(err, l, askTotp && code !== '');
      setProblem(p.text);
      if (p.needsTotp) setAskTotp(true);
      else if (!askTotp) setPassword('');
      setTotp('');
    } finally {
      setBusy(false);
    }
  }

  function startOver() {
    setAskTotp(false);
    setPassword('');
    setTotp('');
    setProblem(null);
  }

  return (
    <AuthCard title={l.title}>
      <p className="muted">{l.intro}</p>
      {state.status === 'anonymous' && state.expired && !problem && (
        <p className="banner" role="status" data-testid="session-expired">
          {l.expired}
        </p>
      )}
      <form className="auth-form" onSubmit={(e) => void submit(e)} data-testid="login-form" noValidate>
        {!askTotp ? (
          <>
            <label className="field">
              {l.username}
              <input
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                maxLength={64}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                data-testid="login-username"
                autoFocus
              />
            </label>
            <label className="field">
              {l.password}
              <input
                name="password"
                type="password"
                autoComplete="current-password"
                required
                maxLength={256}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="login-password"
              />
            </label>
          </>
        ) : (
          <label className="field">
            {l.totp}
            <input
              name="totp"
              autoComplete="one-time-code"
              inputMode="text"
              spellCheck={false}
              required
              maxLength={32}
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
              aria-describedby="totp-hint"
              data-testid="login-totp"
              autoFocus
            />
            <span id="totp-hint" className="muted small">
              {l.totpHint}
            </span>
          </label>
        )}
        {problem && (
          <p className="form-problem" role="alert" data-testid="login-error">
            {problem}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !username.trim() || !password || (askTotp && !totp.trim())} data-testid="login-submit">
          {busy ? l.busy : l.submit}
        </button>
        {askTotp && (
          <button type="button" className="link-button" onClick={startOver}>
            {l.back}
          </button>
        )}
      </form>
    </AuthCard>
  );
}

/** Back to a page the server serves (after signing in on the way to it). */
function LeaveFor({ path }: { path: string }) {
  useEffect(() => window.location.replace(path), [path]);
  return null;
}
