import { userInfo } from 'node:os';
import { userCreateBodySchema, userPatchBodySchema, roleSchema, type UserView } from '../../shared/contracts/auth.js';
import { ROLES, type Role } from '../../shared/contracts/roles.js';
import { AccountError } from '../auth/accounts.js';
import { createAdminUsers, type AdminActor } from '../auth/admin-users.js';
import { loadEnv } from '../config.js';
import { openAnchoredStore } from './anchored-store.js';

const USAGE = `usage: yuqing user <command>
  add USERNAME --role ROLE[,ROLE…] [--name "显示名"]   create a user; prints a one-time password
  list                                                 list users and their roles
  reset-password USERNAME [--reset-totp]               new one-time password; ends the user's sessions
  disable USERNAME | enable USERNAME                   (disabling ends the user's sessions)
  set-role USERNAME ROLE[,ROLE…]                       replace the user's roles
roles: ${ROLES.join(', ')}
`;

function fail(msg: string, code = 2): never {
  process.stderr.write(`yuqing user: ${msg}\n`);
  process.exit(code);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function parseRoles(s: string | undefined): Role[] {
  if (!s) fail(`give roles (${ROLES.join(', ')})`);
  return s.split(',').map((r) => {
    const p = roleSchema.safeParse(r.trim());
    if (!p.success) fail(`unknown role "${r}" (roles: ${ROLES.join(', ')})`);
    return p.data;
  });
}

function line(u: UserView): string {
  const flags = [u.disabled && 'disabled', u.mustChangePassword && 'must-change-password', u.totpEnabled && 'totp', u.lockedUntil && `locked until ${u.lockedUntil}`].filter(Boolean);
  return `${String(u.id).padStart(4)}  ${u.username.padEnd(20)} ${u.roles.join(',').padEnd(30)} ${u.displayName}${flags.length ? `  [${flags.join(', ')}]` : ''}`;
}

/** `yuqing user …`: account administration for operators at the server (audited as cli:<os user>). */
export async function main(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  if (!verb || verb === '--help') {
    process.stdout.write(USAGE);
    process.exit(verb ? 0 : 2);
  }
  const env = loadEnv();
  const { store, close } = await openAnchoredStore(env);
  const users = createAdminUsers({ store });
  const actor: AdminActor = { actor: `cli:${userInfo().username}`, roles: [], ip: null };
  const find = async (username: string | undefined) => {
    if (!username) fail('give a username');
    const u = await users.findByUsername(username);
    if (!u) fail(`no user "${username}"`, 1);
    return u;
  };
  try {
    switch (verb) {
      case 'add': {
        const body = userCreateBodySchema.safeParse({ username: rest[0], displayName: option(rest, '--name') ?? rest[0], roles: parseRoles(option(rest, '--role')) });
        if (!body.success) fail(body.error.issues.map((i) => i.message).join('; '));
        const { user, oneTimePassword } = await users.create(actor, body.data);
        process.stdout.write(`${line(user)}\none-time password (must be changed at first sign-in): ${oneTimePassword}\n`);
        break;
      }
      case 'list':
        for (const u of await users.list()) process.stdout.write(`${line(u)}\n`);
        break;
      case 'reset-password': {
        const u = await find(rest[0]);
        const pw = await users.resetPassword(actor, u.id, rest.includes('--reset-totp'));
        process.stdout.write(`one-time password for ${u.username} (must be changed at first sign-in): ${pw}\n`);
        break;
      }
      case 'disable':
      case 'enable': {
        const u = await find(rest[0]);
        process.stdout.write(`${line(await users.patch(actor, u.id, { disabled: verb === 'disable' }))}\n`);
        break;
      }
      case 'set-role': {
        const u = await find(rest[0]);
        const patch = userPatchBodySchema.parse({ roles: parseRoles(rest[1]) });
        process.stdout.write(`${line(await users.patch(actor, u.id, patch))}\n`);
        break;
      }
      default:
        process.stderr.write(USAGE);
        process.exitCode = 2;
    }
  } catch (err) {
    if (err instanceof AccountError) {
      process.stderr.write(`yuqing user: ${err.message}\n`);
      process.exitCode = 1;
    } else throw err;
  } finally {
    await close();
  }
}
