import { NavLink } from 'react-router-dom';
import { useI18n, type Lang } from '../i18n/I18nProvider.js';
import { useLive } from '../live/LiveProvider.js';
import { needingAcknowledgement } from '../live/mergeIncidents.js';
import { AlertBell } from './AlertBell.js';
import { ConnectionBadge } from './ConnectionBadge.js';

const LANGS: Lang[] = ['zh', 'en'];

export function NavBar() {
  const { t, lang, setLang } = useI18n();
  const unacknowledged = needingAcknowledgement(useLive().incidents.open).length;
  return (
    <header className="topbar no-print">
      <a className="skip-link" href="#main">
        {t.common.skipToContent}
      </a>
      <div className="brand">
        <span className="brand-name">{t.appName}</span>
        <span className="brand-tag">{t.appTagline}</span>
      </div>
      <nav aria-label={t.nav.main} data-testid="main-nav">
        <NavLink to="/live">{t.nav.live}</NavLink>
        <NavLink to="/analyst">{t.nav.analyst}</NavLink>
        <NavLink to="/review">{t.review.navQueue}</NavLink>
        <NavLink to="/summary">{t.nav.summary}</NavLink>
        <NavLink to="/incidents">
          {t.nav.incidents}
          {unacknowledged > 0 && (
            <>
              <span className="nav-count" aria-hidden="true" data-testid="nav-incident-count">
                {unacknowledged}
              </span>
              <span className="visually-hidden">{t.incidents.navCount(unacknowledged)}</span>
            </>
          )}
        </NavLink>
        <NavLink to="/agreement">{t.review.navAgreement}</NavLink>
      </nav>
      <div className="topbar-right">
        <AlertBell />
        <ConnectionBadge />
        <div className="lang-switch" role="group" aria-label={t.language.label}>
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              lang={l === 'zh' ? 'zh-CN' : 'en'}
              aria-pressed={lang === l}
              onClick={() => setLang(l)}
              data-testid={`lang-${l}`}
            >
              {t.language[l]}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
