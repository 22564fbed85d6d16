import { createBrowserRouter, Navigate, Outlet, RouterProvider } from 'react-router-dom';
import { can, homePath, PERMISSIONS } from '../../shared/contracts/roles.js';
import { PageGate } from './auth/PageGate.js';
import { RequireSession } from './auth/RequireSession.js';
import { SessionProvider } from './auth/SessionProvider.js';
import { OfflineBanner } from './components/ConnectionBadge.js';
import { NavBar } from './components/NavBar.js';
import { useSession } from './hooks/useSession.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { LiveProvider } from './live/LiveProvider.js';
import { AccountPage } from './pages/AccountPage.js';
import { AgreementPage } from './pages/AgreementPage.js';
import { AlertRulePage } from './pages/AlertRulePage.js';
import { AlertRulesPage } from './pages/AlertRulesPage.js';
import { AnalystPage } from './pages/AnalystPage.js';
import { AuditPage } from './pages/AuditPage.js';
import { ContactPointPage } from './pages/ContactPointPage.js';
import { ContactPointsPage } from './pages/ContactPointsPage.js';
import { HandoverPage } from './pages/HandoverPage.js';
import { IncidentDetailPage } from './pages/IncidentDetailPage.js';
import { IncidentsPage } from './pages/IncidentsPage.js';
import { LivePage } from './pages/LivePage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PasswordPage } from './pages/PasswordPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SecuritySettingsPage } from './pages/SecuritySettingsPage.js';
import { SummaryPage } from './pages/SummaryPage.js';
import { TokensPage } from './pages/TokensPage.js';
import { TotpPage } from './pages/TotpPage.js';
import { UsersPage } from './pages/UsersPage.js';
import { WallPage } from './pages/WallPage.js';
import { ReportsPage } from './pages/ReportsPage.js';
import { ReportDeliveryPage } from './pages/ReportDeliveryPage.js';

function Layout() {
  const { user } = useSession();
  return (
    <RequireSession>
      <NavBar />
      {user && can(user.roles, PERMISSIONS.liveRead) && <OfflineBanner />}
      <main id="main" tabIndex={-1}>
        <PageGate>
          <Outlet />
        </PageGate>
      </main>
    </RequireSession>
  );
}

/** The wall display: signed in and allowed like /live, but without the navigation around it. */
function WallLayout() {
  return (
    <RequireSession>
      <PageGate>
        <WallPage />
      </PageGate>
    </RequireSession>
  );
}

/** `/` opens the first page the user's roles allow. */
function Home() {
  const { user } = useSession();
  return <Navigate to={user ? homePath(user.roles) : '/login'} replace />;
}

const router = createBrowserRouter([
  { path: 'login', element: <LoginPage /> },
  { path: 'wall', element: <WallLayout /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'live', element: <LivePage /> },
      { path: 'analyst', element: <AnalystPage /> },
      { path: 'summary', element: <SummaryPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'review', element: <ReviewPage /> },
      { path: 'agreement', element: <AgreementPage /> },
      { path: 'incidents', element: <IncidentsPage /> },
      { path: 'incidents/handover', element: <HandoverPage /> },
      { path: 'incidents/:id', element: <IncidentDetailPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'account/password', element: <PasswordPage /> },
      { path: 'account/totp', element: <TotpPage /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/tokens', element: <TokensPage /> },
      { path: 'admin/settings', element: <SecuritySettingsPage /> },
      { path: 'admin/alert-rules', element: <AlertRulesPage /> },
      { path: 'admin/alert-rules/:id', element: <AlertRulePage /> },
      { path: 'admin/contact-points', element: <ContactPointsPage /> },
      { path: 'admin/contact-points/:id', element: <ContactPointPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'admin/report-delivery', element: <ReportDeliveryPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

/**
 * The session sits above everything (the live connection needs to know who is signed in); the
 * live connection sits above the router so it survives moving between views.
 */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <LiveProvider>
          <RouterProvider router={router} />
        </LiveProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
