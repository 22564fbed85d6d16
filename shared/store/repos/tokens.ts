import { TOKEN_SCOPES, type TokenScope } from '../../contracts/roles.js';
import type { Executor } from '../store.js';

/** Named API tokens; only the SHA-256 of each token is stored. */

export interface ApiToken {
  id: number;
  name: string;
  scope: TokenScope;
  prefix: string;
  createdAt: number;
  createdBy: string;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

interface Row {
  id: number;
  name: string;
  scope: string;
  prefix: string;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  revoked_at: number | null;
}

function toToken(r: Row): ApiToken {
  // An unknown scope (a newer version's) is read as the narrowest one.
  const scope = (TOKEN_SCOPES as readonly string[]).includes(r.scope) ? (r.scope as TokenScope) : 'ingest';
  return {
    id: Number(r.id),
    name: r.name,
    scope,
    prefix: r.prefix,
    createdAt: Number(r.created_at),
    createdBy: r.created_by,
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  };
}

const COLUMNS = ['id', 'name', 'scope', 'prefix', 'created_at', 'created_by', 'last_used_at', 'revoked_at'] as const;

export async function insertToken(
  db: Executor,
  t: { name: string; scope: TokenScope; tokenHash: string; prefix: string; createdBy: string; now: number },
): Promise<ApiToken> {
  const r = await db
    .insertInto('api_tokens')
    .values({ name: t.name, scope: t.scope, token_hash: t.tokenHash, prefix: t.prefix, created_at: t.now, created_by: t.createdBy, last_used_at: null, revoked_at: null })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toToken(r as Row);
}

export async function listTokens(db: Executor): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').select(COLUMNS).orderBy('id', 'desc').execute();
  return rows.map((r) => toToken(r as Row));
}

/** The token with this hash if it is not revoked. */
export async function findActiveToken(db: Executor, tokenHash: string): Promise<ApiToken | undefined> {
  const r = await db.selectFrom('api_tokens').select(COLUMNS).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  return r ? toToken(r as Row) : undefined;
}

export async function findToken(db: Executor, id: number): Promise<ApiToken | undefined> {
  const r = await db.selectFrom('api_tokens').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toToken(r as Row) : undefined;
}

/** False when there is no such token or it was already revoked. */
export async function revokeToken(db: Executor, id: number, now: number): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Last-used time, written at most once per `everyMs` per token (an ingest client may call many times a second). */
export async function touchToken(db: Executor, id: number, now: number, everyMs = 60_000): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', now - everyMs)]))
    .execute();
}
