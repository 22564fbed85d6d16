import { userInfo } from 'node:os';
import { tokenCreateBodySchema } from '../../shared/contracts/auth.js';
import { AccountError } from '../auth/accounts.js';
import { createApiTokens } from '../auth/api-tokens.js';
import { loadEnv } from '../config.js';
import { openAnchoredStore } from './anchored-store.js';

const USAGE = `usage: yuqing token <command>
  add NAME --scope ingest|read|metrics  create a named API token; prints it once
  list                             list tokens (never the tokens themselves)
  revoke ID                        the token stops working at once
`;

/** `yuqing token …`: named API tokens for operators (audited as cli:<os user>). */
export async function main(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  if (!verb || verb === '--help') {
    process.stdout.write(USAGE);
    process.exit(verb ? 0 : 2);
  }
  const env = loadEnv();
  const { store, close } = await openAnchoredStore(env);
  // The bootstrap token is irrelevant here (nothing is resolved); an unguessable placeholder keeps it so.
  const tokens = createApiTokens({ store, bootstrapIngestToken: `unused-${Math.random()}-${Date.now()}` });
  const actor = { actor: `cli:${userInfo().username}`, roles: [], ip: null };
  try {
    if (verb === 'add') {
      const i = rest.indexOf('--scope');
      const body = tokenCreateBodySchema.safeParse({ name: rest[0], scope: i >= 0 ? rest[i + 1] : undefined });
      if (!body.success) {
        process.stderr.write(USAGE);
        process.exitCode = 2;
        return;
      }
      const t = await tokens.create(actor, body.data);
      process.stdout.write(`token ${t.id} "${t.name}" (${t.scope}) — shown once, keep it safe:\n${t.token}\n`);
    } else if (verb === 'list') {
      for (const t of await tokens.list()) {
        process.stdout.write(`${String(t.id).padStart(4)}  ${t.name.padEnd(24)} ${t.scope.padEnd(7)} ${t.prefix}…  last used ${t.lastUsedAt ?? 'never'}${t.revokedAt ? `  REVOKED ${t.revokedAt}` : ''}\n`);
      }
    } else if (verb === 'revoke') {
      if (!/^\d+$/.test(rest[0] ?? '')) throw new AccountError(2, 'give the token id (yuqing token list)');
      await tokens.revoke(actor, Number(rest[0]));
      process.stdout.write(`token ${rest[0]} revoked\n`);
    } else {
      process.stderr.write(USAGE);
      process.exitCode = 2;
    }
  } catch (err) {
    if (!(err instanceof AccountError)) throw err;
    process.stderr.write(`yuqing token: ${err.message}\n`);
    process.exitCode = 1;
  } finally {
    await close();
  }
}
