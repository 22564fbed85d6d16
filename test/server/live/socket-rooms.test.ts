import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView } from '../../../shared/contracts/alerts.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/contracts/live.js';
import { PERMISSIONS, ROLES, can, type Role } from '../../../shared/contracts/roles.js';
import { emitPermitted, joinPermissionRooms, permissionRoom, permittedRooms } from '../../../server/auth/socket-rooms.js';

/**
 * The per-permission filter of server→client events, on a real socket.io server and real clients.
 * The handshake here names its roles (the app's handshake reads them from the session) so that a
 * socket without alerts.read can be tried: no role that may open the live channel lacks it today.
 */
let http: HttpServer;
let io: Server<ClientToServerEvents, ServerToClientEvents>;
let url: string;
const opened: Socket[] = [];

beforeAll(async () => {
  http = createServer();
  io = new Server(http, { serveClient: false });
  io.use((socket, next) => {
    socket.data.roles = (socket.handshake.auth as { roles: Role[] }).roles;
    next();
  });
  io.on('connection', (socket) => joinPermissionRooms(socket, socket.data.roles as Role[]));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of opened) s.close();
  await new Promise<void>((r) => io.close(() => r()));
});

async function open(roles: Role[]): Promise<{ socket: Socket; alerts: AlertView[]; problems: string[] }> {
  const socket = connect(url, { transports: ['websocket'], auth: { roles }, reconnection: false });
  opened.push(socket);
  const alerts: AlertView[] = [];
  const problems: string[] = [];
  socket.on('alert', (a: AlertView) => alerts.push(a));
  socket.on('problem', (p: { error: string }) => problems.push(p.error));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, alerts, problems };
}

const alert = { id: 7, title: '袭警', severity: 'critical' } as AlertView;

describe('server→client events go only to sockets whose roles hold the permission', () => {
  it('joins exactly the rooms of the permissions the roles hold', () => {
    expect(permittedRooms(['auditor'])).toEqual([]);
    expect(permittedRooms(['duty_officer']).sort()).toEqual([permissionRoom(PERMISSIONS.liveRead), permissionRoom(PERMISSIONS.alertsRead)].sort());
    expect(permittedRooms(['admin'])).toEqual([permissionRoom(PERMISSIONS.alertsRead)]);
    for (const r of ROLES) expect(permittedRooms([r]).includes(permissionRoom(PERMISSIONS.alertsRead))).toBe(can([r], PERMISSIONS.alertsRead));
  });

  it('delivers `alert` to a duty officer and not to a socket without alerts.read', async () => {
    const officer = await open(['duty_officer']);
    const auditor = await open(['auditor']);
    emitPermitted(io, 'alert', alert);
    await expect.poll(() => officer.alerts.length).toBe(1);
    expect(officer.alerts[0]).toMatchObject({ id: 7, title: '袭警' });
    // One connection keeps its order: once this later message reaches the auditor, an alert sent to it would have too.
    io.to(auditor.socket.id ?? '').emit('problem', { error: 'direct' });
    await expect.poll(() => auditor.problems).toEqual(['direct']);
    expect(auditor.alerts).toEqual([]);
  });
});
