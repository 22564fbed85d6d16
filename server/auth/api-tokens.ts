import type { TokenCreateBody, TokenCreatedResponse, TokenView } from '../../shared/contracts/auth.js';
import type { Store } from '../../shared/store/store.js';
import { appendAudit } from '../../shared/store/repos/audit.js';
import { findActiveToken, findToken, insertToken, listTokens, revokeToken, touchToken, type ApiToken } from '../../shared/store/repos/tokens.js';
import { AccountError } from './accounts.js';
import type { AdminActor } from './admin-users.js';
import { randomToken, safeEqual, sha256hex } from './secrets.js';
import type { Principal } from './principal.js';

/** Named tokens start with this, so a leaked one is recognisable (e.g. by secret scanners). */
export const TOKEN_PREFIX = 'yq_';

export function tokenView(t: ApiToken): TokenView {
  const iso = (n: number | null) => (n === null ? null : new Date(n).toISOString());
  return { id: t.id, name: t.name, scope: t.scope, prefix: t.prefix, createdAt: new Date(t.createdAt).toISOString(), createdBy: t.createdBy, lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) };
}

export type ApiTokens = ReturnType<typeof createApiTokens>;

/**
 * Bearer tokens: named ones (stored as SHA-256, looked up by hash, so every request sees a revocation
 * at once) and the bootstrap ingest token from YUQING_INGEST_TOKEN / DATA_DIR/ingest-token.
 */
export function createApiTokens(o: { store: Store; bootstrapIngestToken: string; now?: () => number }) {
  const now = o.now ?? Date.now;
  const { store } = o;
  return {
    async resolve(given: string): Promise<Extract<Principal, { kind: 'token' }> | undefined> {
      if (safeEqual(given, o.bootstrapIngestToken)) return { kind: 'token', scope: 'ingest', name: 'bootstrap-ingest', tokenId: null };
      // A hash lookup: the stored value is a digest of a 256-bit secret, so there is nothing to time.
      const t = await findActiveToken(store.db, sha256hex(given));
      if (!t) return undefined;
      await touchToken(store.db, t.id, now());
      return { kind: 'token', scope: t.scope, name: t.name, tokenId: t.id };
    },

    async list(): Promise<TokenView[]> {
      return (await listTokens(store.db)).map(tokenView);
    },

    async create(a: AdminActor, body: TokenCreateBody): Promise<TokenCreatedResponse> {
      const token = `${TOKEN_PREFIX}${randomToken(32)}`;
      const created = await store.write(async (tx) => {
        const t = await insertToken(tx, { name: body.name, scope: body.scope, tokenHash: sha256hex(token), prefix: token.slice(0, 8), createdBy: a.actor, now: now() });
        await appendAudit(tx, { actor: a.actor, roles: a.roles, ip: a.ip, action: 'token.created', object: `token:${t.id}`, result: 'ok', detail: { name: t.name, scope: t.scope } }, now());
        return t;
      });
      return { ...tokenView(created), token };
    },

    async revoke(a: AdminActor, id: number): Promise<void> {
      const ok = await store.write(async (tx) => {
        const t = await findToken(tx, id);
        if (!(await revokeToken(tx, id, now()))) return false;
        await appendAudit(tx, { actor: a.actor, roles: a.roles, ip: a.ip, action: 'token.revoked', object: `token:${id}`, result: 'ok', detail: { name: t?.name } }, now());
        return true;
      });
      if (!ok) throw new AccountError(404, `no active token ${id}`);
    },
  };
}
