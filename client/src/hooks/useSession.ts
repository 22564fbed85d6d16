import { useContext } from 'react';
import { SessionContext, type Session } from '../auth/session-context.js';

/** Who is signed in, and the sign-in/out actions (inside <SessionProvider>). */
export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}
