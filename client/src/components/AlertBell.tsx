import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { AlertView } from '../../../shared/contracts/alerts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { apiUrl, fetchJson, postJson } from '../lib/api.js';
import { useLive } from '../live/LiveProvider.js';

/** Unread alerts are re-read on this period (and right after an acknowledgement). */
const POLL_MS = 15_000;

/** The bell in the header of every view: unread alerts, each with its link and an acknowledge button. */
export function AlertBell() {
  const { t } = useI18n();
  const [items, setItems] = useState<AlertView[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const r = await fetchJson<{ items: AlertView[]; unread: number }>(apiUrl('/alerts', { state: 'unread', limit: 20 }));
      setItems(r.items);
      setUnread(r.unread);
    } catch {
      // Offline: the connection badge already says so; keep the last list.
    }
  }, []);
  // A pushed alert (or someone's acknowledgement) re-reads the list at once; the poll covers pages without the socket.
  const pushed = useLive().alerts.revision;
  useEffect(() => {
    if (pushed > 0) void load();
  }, [pushed, load]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  const ack = async (id: number) => {
    try {
      // Signed by the session: the acknowledging officer is whoever is signed in.
      await postJson(`/alerts/${id}/ack`, {});
      setProblem(null);
      await load();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div className="alert-bell" data-testid="alert-bell">
      <button type="button" aria-expanded={open} aria-label={t.alerts.bell(unread)} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">🔔</span>
        {unread > 0 && (
          <span className="nav-count" aria-hidden="true" data-testid="alert-bell-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div className="alert-bell-panel" role="region" aria-label={t.alerts.title}>
          {problem && <p role="alert">{problem}</p>}
          {items.length === 0 ? (
            <p>{t.alerts.none}</p>
          ) : (
            <ul>
              {items.map((a) => (
                <li key={a.id} data-severity={a.severity}>
                  <strong>[{t.alerts.severity[a.severity] ?? a.severity}]</strong> {a.title}{' '}
                  <Link to={a.link} onClick={() => setOpen(false)}>
                    {t.alerts.open}
                  </Link>{' '}
                  <button type="button" onClick={() => void ack(a.id)}>
                    {t.alerts.ack}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
