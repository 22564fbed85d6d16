import { createBrowserRouter, Navigate, Outlet, RouterProvider } from 'react-router-dom';
import { OfflineBanner } from './components/ConnectionBadge.js';
import { NavBar } from './components/NavBar.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { LiveProvider } from './live/LiveProvider.js';
import { AnalystPage } from './pages/AnalystPage.js';
import { HandoverPage } from './pages/HandoverPage.js';
import { IncidentDetailPage } from './pages/IncidentDetailPage.js';
import { IncidentsPage } from './pages/IncidentsPage.js';
import { LivePage } from './pages/LivePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { SummaryPage } from './pages/SummaryPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { ReportsPage } from './pages/ReportsPage.js';
import { AgreementPage } from './pages/AgreementPage.js';

function Layout() {
  return (
    <>
      <NavBar />
      <OfflineBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/live" replace /> },
      { path: 'live', element: <LivePage /> },
      { path: 'analyst', element: <AnalystPage /> },
      { path: 'summary', element: <SummaryPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'review', element: <ReviewPage /> },
      { path: 'agreement', element: <AgreementPage /> },
      { path: 'incidents', element: <IncidentsPage /> },
      { path: 'incidents/handover', element: <HandoverPage /> },
      { path: 'incidents/:id', element: <IncidentDetailPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

/** The live connection sits above the router so it survives moving between views. */
export function App() {
  return (
    <I18nProvider>
      <LiveProvider>
        <RouterProvider router={router} />
      </LiveProvider>
    </I18nProvider>
  );
}
