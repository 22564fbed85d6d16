import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contracts/live.js';
import { can, SOCKET_EVENTS, type Permission, type Role } from '../../shared/contracts/roles.js';

type ServerEvent = keyof typeof SOCKET_EVENTS.serverToClient;
type Io = Server<ClientToServerEvents, ServerToClientEvents>;

/** One room per permission that some server→client event needs; a socket is in a room only while its roles hold that permission. */
export function permissionRoom(p: Permission): string {
  return `perm:${p}`;
}

/** The rooms a socket of `roles` joins: those of the server→client events (SOCKET_EVENTS) its roles allow. */
export function permittedRooms(roles: readonly Role[]): string[] {
  const needed = new Set<Permission>(Object.values(SOCKET_EVENTS.serverToClient));
  return [...needed].filter((p) => can(roles, p)).map(permissionRoom);
}

export function joinPermissionRooms(socket: Pick<Socket, 'join'>, roles: readonly Role[]): void {
  // A role change ends the user's sessions (and so their sockets): the rooms never go stale.
  void socket.join(permittedRooms(roles));
}

/**
 * Sends a server→client event only to the sockets whose user holds the event's permission in
 * SOCKET_EVENTS (an event that is not in the table is a type error, so it cannot go to everyone).
 */
export function emitPermitted<E extends ServerEvent>(io: Io, event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
  // socket.io's typed emit cannot follow a generic event name through its overloads.
  (io.to(permissionRoom(SOCKET_EVENTS.serverToClient[event])).emit as (ev: string, ...a: unknown[]) => boolean)(event, ...args);
}
