import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useSession } from '../hooks/useSession.js';
import { loginPath, withNext } from './next.js';
import { PASSWORD_PAGE, TOTP_PAGE } from './pages.js';

/**
 * The signed-in part of the app: without a session, /login (coming back here afterwards); with a
 * pending password change or a mandatory enrolment, that page first and nothing else.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, refresh } = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'unreachable') return <ErrorPanel error={state.error} onRetry={() => void refresh()} />;
  if (state.status === 'anonymous') return <Navigate to={loginPath(here)} replace />;
  const { user } = state;
  const next = new URLSearchParams(location.search).get('next');
  if (user.mustChangePassword && location.pathname !== PASSWORD_PAGE) {
    return <Navigate to={withNext(PASSWORD_PAGE, next ?? (location.pathname === '/' ? null : here))} replace />;
  }
  if (!user.mustChangePassword && user.totpRequired && !user.totpEnabled && location.pathname !== TOTP_PAGE) {
    return <Navigate to={withNext(TOTP_PAGE, next ?? (location.pathname === '/' ? null : here))} replace />;
  }
  return <>{children}</>;
}

