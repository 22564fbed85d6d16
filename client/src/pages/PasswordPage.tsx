import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { homePath } from '../../../shared/contracts/roles.js';
import { isServerPage, safeNext } from '../auth/next.js';
import { localizeProblem } from '../auth/policyProblems.js';
import { useSession } from '../hooks/useSession.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { changePassword } from '../lib/accounts.js';
import { ApiRequestError } from '../lib/api.js';

/** Change the own password; forced (nothing else opens) after the first sign-in or a reset. */
export function PasswordPage() {
  const { t, lang } = useI18n();
  const p = t.accounts.password;
  const { user, accept } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const forced = user?.mustChangePassword ?? false;
  const mismatch = confirm !== '' && next !== confirm;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== confirm) return;
    setBusy(true);
    setProblem(null);
    setProblems([]);
    try {
      const me = await changePassword({ current, next });
      accept(me);
      setCurrent('');
      setNext('');
      setConfirm('');
      if (forced) {
        const to = safeNext(params.get('next'), homePath(me.user.roles));
        // The queue board is the server's page, not a route of the dashboard.
        if (isServerPage(to)) window.location.assign(to);
        else navigate(to, { replace: true });
      }
      else setDone(true);
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 401) setProblem(p.currentWrong);
      else if (err instanceof ApiRequestError && Array.isArray(err.body?.problems)) {
        setProblem(p.problems);
        setProblems((err.body.problems as unknown[]).map((x) => localizeProblem(String(x), lang)));
      } else setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page-narrow" aria-labelledby="page-title" data-testid="password-page">
      <h1 id="page-title">{p.title}</h1>
      {forced && (
        <p className="banner" role="status" data-testid="password-forced">
          {p.forced}
        </p>
      )}
      <div className="panel">
        <h2>{p.policyTitle}</h2>
        <ul className="policy-hints" data-testid="password-policy">
          {p.policy.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      </div>
      <form className="auth-form panel" onSubmit={(e) => void submit(e)} data-testid="password-form">
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user?.username ?? ''} readOnly hidden />
        <label className="field">
          {p.current}
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="password-current" />
        </label>
        <label className="field">
          {p.next}
          <input type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} data-testid="password-next" />
        </label>
        <label className="field">
          {p.confirm}
          <input
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            aria-invalid={mismatch}
            data-testid="password-confirm"
          />
        </label>
        {mismatch && <p className="form-problem">{p.mismatch}</p>}
        {problem && (
          <div className="form-problem" role="alert" data-testid="password-error">
            <p>{problem}</p>
            {problems.length > 0 && (
              <ul>
                {problems.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {done && (
          <p className="form-ok" role="status" data-testid="password-done">
            {p.done}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !current || !next || next !== confirm} data-testid="password-submit">
          {p.submit}
        </button>
      </form>
    </section>
  );
}
