import type { Request, Response } from 'express';
import { permissionsOf, TOKEN_SCOPE_PERMISSIONS, type Permission, type Role, type TokenScope } from '../../shared/contracts/roles.js';
import type { Session } from '../../shared/store/repos/sessions.js';
import type { User } from '../../shared/store/repos/users.js';

/** Who is making a request, as the authorization middleware established it (res.locals.principal). */
export type Principal =
  | { kind: 'user'; user: User; session: Session; /** The raw cookie value (to end this session). */ sessionId: string }
  | { kind: 'token'; scope: TokenScope; name: string; tokenId: number | null }
  | { kind: 'anonymous' };

export function principalPermissions(p: Principal): Set<Permission> {
  if (p.kind === 'user') return permissionsOf(p.user.roles);
  if (p.kind === 'token') return new Set(TOKEN_SCOPE_PERMISSIONS[p.scope]);
  return new Set();
}

/** The audit log's `actor`: a username, `token:<name>` or `anonymous`. */
export function actorName(p: Principal): string {
  if (p.kind === 'user') return p.user.username;
  if (p.kind === 'token') return `token:${p.name}`;
  return 'anonymous';
}

export function actorRoles(p: Principal): Role[] | string[] {
  if (p.kind === 'user') return p.user.roles;
  if (p.kind === 'token') return [`token-scope:${p.scope}`];
  return [];
}

export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  return p ?? { kind: 'anonymous' };
}

export function signedInUser(res: Response): Extract<Principal, { kind: 'user' }> {
  const p = principalOf(res);
  if (p.kind !== 'user') throw new Error('this route needs a signed-in user; the ROUTE table lets a token or anonymous through');
  return p;
}

export function clientIp(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}
