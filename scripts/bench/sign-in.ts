import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CSRF_HEADER, SESSION_COOKIE, type LoginResponse, type UserCreatedResponse } from '../../shared/contracts/auth.js';
import type { Role } from '../../shared/contracts/roles.js';
import { INITIAL_PASSWORD_FILE } from '../../server/auth/bootstrap.js';

export interface BenchSession {
  cookie: string;
  /** Headers for a GET, or a socket's extraHeaders. */
  headers: Record<string, string>;
}

async function login(url: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (r.status !== 200) throw new Error(`bench sign-in of ${username}: ${r.status} ${await r.text()}`);
  const set = r.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!set) throw new Error('bench sign-in: no session cookie');
  return { cookie: set.split(';')[0]!, csrf: ((await r.json()) as LoginResponse).csrfToken };
}

/** Signs in with a one-time password and replaces it (the forced first change), as a new user does. */
async function firstSignIn(url: string, username: string, oneTime: string): Promise<{ cookie: string; csrf: string }> {
  const first = await login(url, username, oneTime);
  const next = `Pw-${Math.random().toString(36).slice(2)}-9aZ`;
  const r = await fetch(`${url}/api/v1/auth/password`, {
    method: 'POST',
    headers: { cookie: first.cookie, [CSRF_HEADER]: first.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ current: oneTime, next }),
  });
  if (!r.ok) throw new Error(`bench password change of ${username}: ${r.status} ${await r.text()}`);
  return login(url, username, next);
}

/**
 * A signed-in reader for the bench's queries and live snapshots: the first-start admin (its
 * one-time password from DATA_DIR) creates a user holding the reading roles, which signs in.
 */
export async function benchSession(url: string, dataDir: string): Promise<BenchSession> {
  const adminPassword = readFileSync(path.join(dataDir, INITIAL_PASSWORD_FILE), 'utf8').trim();
  const admin = await firstSignIn(url, 'admin', adminPassword);
  const roles: Role[] = ['duty_officer', 'analyst', 'leader'];
  const r = await fetch(`${url}/api/v1/users`, {
    method: 'POST',
    headers: { cookie: admin.cookie, [CSRF_HEADER]: admin.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', displayName: 'bench', roles }),
  });
  if (r.status !== 201) throw new Error(`bench user: ${r.status} ${await r.text()}`);
  const reader = await firstSignIn(url, 'bench', ((await r.json()) as UserCreatedResponse).oneTimePassword);
  return { cookie: reader.cookie, headers: { cookie: reader.cookie } };
}
