import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ConnectionBadge } from '../components/ConnectionBadge.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { LivePage } from './LivePage.js';

/** The duty screen on a large display: no navigation, large type, the live panels in turn. Esc leaves. */
export function WallPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void navigate('/live');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
  return (
    <div className="wall" data-testid="wall">
      <header className="wall-head">
        <span className="brand-name">{t.appName}</span>
        <ConnectionBadge />
        <Link to="/live" className="wall-exit">
          {t.wall.exit}
        </Link>
      </header>
      <main id="main" tabIndex={-1}>
        <LivePage wall />
      </main>
    </div>
  );
}
