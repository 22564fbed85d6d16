import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LoginBody, MeResponse } from '../../../shared/contracts/auth.js';
import { ApiRequestError, onSessionSignal, setCsrfToken } from '../lib/api.js';
import { fetchMe, login, logout, logoutAll } from '../lib/accounts.js';
import { SessionContext, type Session, type SessionState } from './session-context.js';

/**
 * Owns who is signed in: reads /auth/me on load, keeps the CSRF token for writes, and turns any
 * 401 from the API (or the live channel) into "signed out", which the router answers with /login.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const signedIn = useRef(false);

  const accept = useCallback((me: Pick<MeResponse, 'user' | 'csrfToken'>) => {
    setCsrfToken(me.csrfToken);
    signedIn.current = true;
    setState({ status: 'signedIn', user: me.user });
  }, []);

  const signedOut = useCallback((expired: boolean) => {
    setCsrfToken(null);
    signedIn.current = false;
    setState({ status: 'anonymous', expired });
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await fetchMe());
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 401) signedOut(signedIn.current);
      else if (!signedIn.current) setState({ status: 'unreachable', error: err instanceof Error ? err : new Error(String(err)) });
      // Signed in and the server briefly unreachable: keep the session; the pages show the outage.
    }
  }, [accept, signedOut]);

  useEffect(() => {
    void refresh();
    return onSessionSignal((signal) => {
      if (signal === 'signedOut') signedOut(signedIn.current);
      else void refresh();
    });
  }, [refresh, signedOut]);

  const signIn = useCallback(
    async (body: LoginBody) => {
      const answer = await login(body);
      accept(answer);
      return answer;
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    await logout().catch(() => undefined);
    signedOut(false);
  }, [signedOut]);

  const signOutEverywhere = useCallback(async () => {
    await logoutAll();
    signedOut(false);
  }, [signedOut]);

  const value = useMemo<Session>(
    () => ({ state, user: state.status === 'signedIn' ? state.user : null, signIn, signOut, signOutEverywhere, accept, refresh }),
    [state, signIn, signOut, signOutEverywhere, accept, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
