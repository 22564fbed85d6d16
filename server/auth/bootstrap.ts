import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../../shared/store/store.js';
import { appendAudit } from '../../shared/store/repos/audit.js';
import { countUsers, insertUser } from '../../shared/store/repos/users.js';
import type { Logger } from '../log.js';
import { generatePassword, hashPassword } from './passwords.js';

export const INITIAL_ADMIN = 'admin';
export const INITIAL_PASSWORD_FILE = 'initial-admin-password';

/**
 * First start: with no users at all, creates `admin` (role admin) with a random one-time password,
 * printed once and written to DATA_DIR/initial-admin-password (owner-only), to be changed at first
 * sign-in. Several servers starting at once: the unique username lets one win; the others see it.
 */
export async function ensureInitialAdmin(store: Store, dataDir: string, log: Logger, now = Date.now): Promise<boolean> {
  if ((await countUsers(store.db)) > 0) return false;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    await store.write(async (tx) => {
      if ((await countUsers(tx)) > 0) throw new AlreadyThere();
      const id = await insertUser(tx, { username: INITIAL_ADMIN, displayName: '系统管理员', passwordHash, roles: ['admin'], mustChangePassword: true }, now());
      await appendAudit(tx, { actor: 'system', roles: [], ip: null, action: 'user.created', object: `user:${id}`, result: 'ok', detail: { username: INITIAL_ADMIN, roles: ['admin'], firstStart: true } }, now());
    });
  } catch (err) {
    if (err instanceof AlreadyThere || /unique/i.test((err as Error).message)) return false;
    throw err;
  }
  const file = path.join(dataDir, INITIAL_PASSWORD_FILE);
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  // Printed once on purpose (the operator needs it to sign in); it works once, then must be changed.
  log.warn({ file }, `first start: created user "${INITIAL_ADMIN}"; one-time password (also in ${file}): ${password}`);
  return true;
}

class AlreadyThere extends Error {}
