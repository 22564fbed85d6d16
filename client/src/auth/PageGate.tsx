import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useSession } from '../hooks/useSession.js';
import { ForbiddenPage } from '../pages/ForbiddenPage.js';
import { mayOpen } from './pages.js';

/** The view, or the 403 page when the shared PAGES table does not give it to the user's roles. */
export function PageGate({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const { pathname } = useLocation();
  if (!user || !mayOpen(user.roles, pathname)) return <ForbiddenPage />;
  return <>{children}</>;
}
