import { NavLink } from 'react-router-dom';
import { PERMISSIONS } from '../../../shared/contracts/roles.js';
import { isGated, navPages } from '../auth/pages.js';
import { useCan } from '../hooks/useCan.js';
import { useSession } from '../hooks/useSession.js';
import type { Dict } from '../i18n/zh.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useLive } from '../live/LiveProvider.js';
import { needingAcknowledgement } from '../live/mergeIncidents.js';
import { AlertBell } from './AlertBell.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { ThemeToggle } from './ThemeToggle.js';
import { UserMenu } from './UserMenu.js';

function navLabel(t: Dict, path: string): string {
  const labels: Record<string, string> = {
    '/live': t.nav.live,
    '/analyst': t.nav.analyst,
    '/review': t.review.navQueue,
    '/summary': t.nav.summary,
    '/reports': t.reports.nav,
    '/incidents': t.nav.incidents,
    '/agreement': t.review.navAgreement,
    '/admin/users': t.accounts.nav.users,
    '/admin/tokens': t.accounts.nav.tokens,
    '/admin/settings': t.accounts.nav.settings,
    '/admin/alert-rules': t.alertsAdmin.nav.rules,
    '/admin/contact-points': t.alertsAdmin.nav.contactPoints,
    '/admin/report-delivery': t.reports.delivery.nav,
    '/admin/queues': t.accounts.nav.queues,
    '/audit': t.accounts.nav.audit,
  };
  return labels[path] ?? path;
}

function IncidentCount() {
  const { t } = useI18n();
  const unacknowledged = needingAcknowledgement(useLive().incidents.open).length;
  if (unacknowledged === 0) return null;
  return (
    <>
      <span className="nav-count" aria-hidden="true" data-testid="nav-incident-count">
        {unacknowledged}
      </span>
      <span className="visually-hidden">{t.incidents.navCount(unacknowledged)}</span>
    </>
  );
}

/** Brand, the pages the user's roles allow (from the shared PAGES table), live state, language, account. */
export function NavBar() {
  const { t } = useI18n();
  const { user } = useSession();
  const live = useCan(PERMISSIONS.liveRead);
  const alerts = useCan(PERMISSIONS.alertsRead);
  const pages = user && !isGated(user) ? navPages(user.roles) : [];
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
        {pages.map((p) =>
          p.server ? (
            // The server's own page (the queue board): a whole page load, not a route of the dashboard.
            <a key={p.path} href={p.path} data-path={p.path}>
              {navLabel(t, p.path)}
            </a>
          ) : (
            <NavLink key={p.path} to={p.path} data-path={p.path}>
              {navLabel(t, p.path)}
              {p.path === '/incidents' && live && <IncidentCount />}
            </NavLink>
          ),
        )}
      </nav>
      <div className="topbar-right">
        {live && user && !isGated(user) && <ConnectionBadge />}
        {live && user && !isGated(user) && (
          <NavLink to="/wall" className="wall-link" data-testid="wall-link">
            {t.wall.title}
          </NavLink>
        )}
        {alerts && <AlertBell />}
        <ThemeToggle />
        <LanguageSwitch />
        {user && <UserMenu user={user} />}
      </div>
    </header>
  );
}
