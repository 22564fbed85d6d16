import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AlertView } from '../../../shared/contracts/alerts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { postJson } from '../lib/api.js';
import { useLive } from '../live/LiveProvider.js';

const LISTED = 5;

/**
 * New alerts on /live, as they are pushed: severity colour, title, the filter or incident behind
 * each, acknowledge (signed by the session) and dismiss (this page only; the bell keeps it).
 */
export function AlertBanner() {
  const { t } = useI18n();
  const k = t.alertsAdmin.banner;
  const { pushed } = useLive().alerts;
  const [hidden, setHidden] = useState<ReadonlySet<number>>(() => new Set());
  const [busy, setBusy] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = pushed.filter((a) => a.acknowledgedAt === null && a.resolvedAt === null && !hidden.has(a.id)).slice(0, LISTED);
  const hide = (id: number) => setHidden(new Set([...hidden, id]));
  const ack = async (a: AlertView) => {
    setBusy(a.id);
    setProblem(null);
    try {
      await postJson(`/alerts/${a.id}/ack`, {});
      // The server also pushes the acknowledged alert; hiding it now answers the click at once.
      hide(a.id);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div aria-live="assertive" className="alert-banner-area">
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      {shown.map((a) => (
        <section key={a.id} className={`alert-banner severity-${a.severity}`} data-testid="alert-banner" data-severity={a.severity} data-alert={a.id} aria-labelledby={`alert-banner-${a.id}`}>
          <h2 id={`alert-banner-${a.id}`}>
            <span className="alert-banner-severity">
              {k.label} · {t.alerts.severity[a.severity] ?? a.severity}
            </span>{' '}
            {a.title}
          </h2>
          {a.body && <p className="alert-banner-body">{a.body}</p>}
          <div className="action-row">
            <Link className="button" to={a.link} data-testid="alert-banner-link">
              {k.open}
            </Link>
            <button type="button" className="primary" disabled={busy === a.id} onClick={() => void ack(a)} data-testid="alert-banner-ack">
              {k.ack}
            </button>
            <button type="button" onClick={() => hide(a.id)} data-testid="alert-banner-dismiss">
              {k.dismiss}
            </button>
          </div>
        </section>
      ))}
    </div>
  );
}
