import { randomBytes } from 'node:crypto';
import { CSRF_HEADER, SESSION_COOKIE, type LoginResponse } from '../../shared/contracts/auth.js';
import type { Role } from '../../shared/contracts/roles.js';
import { openStore, type Store } from '../../shared/store/store.js';
import { insertUser } from '../../shared/store/repos/users.js';
import { hashPassword } from '../../server/auth/passwords.js';

/** A signed-in test user: the cookie and CSRF token to send, as a browser would. */
export interface Credentials {
  username: string;
  password: string;
  cookie: string;
  csrfToken: string;
  /** Headers for a request as this user (cookie, CSRF, JSON). */
  headers(extra?: Record<string, string>): Record<string, string>;
}

const stores = new Map<string, Promise<Store>>();
/** Stores opened here (the others belong to a running test system, which closes its own). */
const opened = new Set<string>();

/** Users of a running test system go into its own store (SQLite or PostgreSQL). */
export function useTestStore(dataDir: string, store: Store): void {
  stores.set(dataDir, Promise.resolve(store));
}

/** The store behind a data directory: the test system's, or the embedded one opened here once. */
export function testStore(dataDir: string): Promise<Store> {
  let s = stores.get(dataDir);
  if (!s) {
    stores.set(dataDir, (s = openStore({ dataDir, mode: 'write' })));
    opened.add(dataDir);
  }
  return s;
}

export async function closeTestStore(dataDir: string): Promise<void> {
  const s = stores.get(dataDir);
  stores.delete(dataDir);
  if (s && opened.delete(dataDir)) await (await s).close();
}

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';

/** Creates a user directly in the store (password already changed), for tests that need a given role set. */
export async function createTestUser(dataDir: string, roles: readonly Role[], opts: { username?: string; password?: string; mustChangePassword?: boolean } = {}) {
  const store = await testStore(dataDir);
  const username = opts.username ?? `u${randomBytes(5).toString('hex')}`;
  const password = opts.password ?? TEST_PASSWORD;
  const passwordHash = await hashPassword(password);
  const id = await store.write((tx) => insertUser(tx, { username, displayName: username, passwordHash, roles, mustChangePassword: opts.mustChangePassword ?? false }, Date.now()));
  return { id, username, password };
}

export function cookieFrom(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!set) throw new Error(`no session cookie in the answer (${res.status})`);
  return set.split(';')[0]!;
}

export async function login(baseUrl: string, username: string, password: string, totp?: string): Promise<Credentials> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, ...(totp && { totp }) }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as LoginResponse;
  return credentials(username, password, cookieFrom(res), body.csrfToken);
}

export function credentials(username: string, password: string, cookie: string, csrfToken: string): Credentials {
  return {
    username,
    password,
    cookie,
    csrfToken,
    headers: (extra = {}) => ({ cookie, [CSRF_HEADER]: csrfToken, 'content-type': 'application/json', ...extra }),
  };
}

/** A fresh user with `roles`, signed in. */
export async function signInAs(baseUrl: string, dataDir: string, roles: readonly Role[]): Promise<Credentials> {
  const u = await createTestUser(dataDir, roles);
  return login(baseUrl, u.username, u.password);
}
