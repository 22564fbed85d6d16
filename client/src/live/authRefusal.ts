/**
 * Whether a refused Socket.IO handshake (`connect_error`) was about the session rather than the
 * network: the server's reason names it (no session, ended session, role, pending password change
 * or enrolment). A network failure reads "xhr poll error", "websocket error", "timeout".
 */
export function isAuthRefusal(message: string): boolean {
  return /unauthori[sz]ed|not signed in|sign in|session|forbidden|not allowed|does not allow|password change required|totp enrolment required|\b40[13]\b/i.test(message);
}
