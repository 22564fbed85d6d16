import { createContext } from 'react';
import type { LoginBody, LoginResponse, MeResponse, SessionUser } from '../../../shared/contracts/auth.js';

/**
 * loading: /auth/me not answered yet; anonymous: not signed in (`expired` when a session we had
 * ended, so the sign-in page can say so); unreachable: the server did not answer at all.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'unreachable'; error: Error }
  | { status: 'signedIn'; user: SessionUser };

export interface Session {
  state: SessionState;
  /** The signed-in user, or null. */
  user: SessionUser | null;
  /** Signs in; a refusal comes back as an ApiRequestError (its body says when a TOTP code is needed). */
  signIn: (body: LoginBody) => Promise<LoginResponse>;
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
  /** Takes the session from an answer that carries it (password change). */
  accept: (me: Pick<MeResponse, 'user' | 'csrfToken'>) => void;
  /** Reads /auth/me again (after enrolment, or when an answer says the session changed). */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);
