import type { Server, Socket } from 'socket.io';
import { can, SOCKET_EVENTS, type Permission } from '../../shared/contracts/roles.js';
import type { Store } from '../../shared/store/store.js';
import { findSessions } from '../../shared/store/repos/sessions.js';
import { findUserById } from '../../shared/store/repos/users.js';
import type { Logger } from '../log.js';
import type { Accounts } from './accounts.js';
import { sessionCookieOf } from './cookies.js';
import { joinPermissionRooms } from './socket-rooms.js';

interface SocketAuth {
  userId: number;
  sessionId: string;
  idHash: string;
}

/** Same origin: a browser always sends Origin on a WebSocket or polling request; it must be this host. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true; // not a browser (no page to forge from); the cookie is still required
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The live channel's authentication: the handshake must carry a live session cookie of a user whose
 * roles allow `connection` (SOCKET_EVENTS), from our own origin. Each client event is checked on
 * arrival. Sockets whose session ended (logout, revocation, expiry, disabled user, role change)
 * are disconnected at once on this server (`endUser`) and within YUQING_SESSION_CHECK_SECONDS
 * on every other server (the periodic check).
 */
export function protectSockets(o: { io: Server; store: Store; accounts: Accounts; log: Logger; checkEveryMs: number }) {
  const need = SOCKET_EVENTS.clientToServer as Record<string, Permission>;
  o.io.use(async (socket, next) => {
    const req = socket.request;
    if (!sameOrigin(req.headers.origin, req.headers.host)) return next(new Error('foreign origin'));
    const cookie = sessionCookieOf(req);
    if (!cookie) return next(new Error('not signed in'));
    try {
      const s = await o.accounts.resolveSession(cookie);
      if (!s.ok) return next(new Error(s.reason));
      if (s.user.mustChangePassword) return next(new Error('password change required'));
      if (!can(s.user.roles, need.connection!)) return next(new Error('your role does not allow the live channel'));
      socket.data.auth = { userId: s.user.id, sessionId: cookie, idHash: s.session.idHash } satisfies SocketAuth;
      socket.data.roles = s.user.roles;
      next();
    } catch (err) {
      o.log.warn({ error: (err as Error).message }, 'socket authentication failed');
      next(new Error('authentication unavailable'));
    }
  });
  o.io.on('connection', (socket) => {
    joinPermissionRooms(socket, socket.data.roles ?? []);
    socket.use(([event], next) => {
      const p = need[event];
      if (p && can(socket.data.roles ?? [], p)) return next();
      next(new Error(`event "${event}" is not allowed`));
    });
    socket.on('error', (err) => socket.emit('problem', { error: err.message }));
  });

  const authOf = (s: Socket): SocketAuth | undefined => s.data.auth as SocketAuth | undefined;

  const check = async () => {
    const sockets = [...o.io.of('/').sockets.values()];
    if (sockets.length === 0) return;
    const hashes = [...new Set(sockets.map((s) => authOf(s)?.idHash).filter((h): h is string => !!h))];
    const sessions = new Map((await findSessions(o.store.db, hashes)).map((s) => [s.idHash, s]));
    const users = new Map<number, Awaited<ReturnType<typeof findUserById>>>();
    for (const s of sockets) {
      const a = authOf(s);
      const session = a && sessions.get(a.idHash);
      if (a && !users.has(a.userId)) users.set(a.userId, await findUserById(o.store.db, a.userId));
      const user = a ? users.get(a.userId) : undefined;
      const alive = !!session && o.accounts.sessionAlive(session, user) && !!user && can(user.roles, need.connection!);
      if (!alive) {
        s.emit('problem', { error: 'session ended' });
        s.disconnect(true);
      }
    }
  };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    check()
      .catch((err: Error) => o.log.warn({ error: err.message }, 'socket session check failed'))
      .finally(() => (running = false));
  }, o.checkEveryMs);
  timer.unref();

  return {
    /** Re-checks now (after a logout, revocation or role change on this server). */
    recheck: () => void check().catch((err: Error) => o.log.warn({ error: err.message }, 'socket session check failed')),
    stop: () => clearInterval(timer),
  };
}
