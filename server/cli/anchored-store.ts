import type { Env } from '../../shared/config/env.js';
import { openStore, type Store } from '../../shared/store/store.js';
import { startAuditAnchor } from '../auth/audit-anchor.js';
import { createLogger } from '../log.js';

/**
 * The store for a CLI that appends audit rows (`yuqing user`, `yuqing token`): its writes move the
 * audit log's anchor in DATA_DIR on, as the server's do, so `audit verify` does not take the CLI's
 * rows for a foreign tail.
 */
export async function openAnchoredStore(env: Env): Promise<{ store: Store; close(): Promise<void> }> {
  const raw = await openStore({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, mode: 'write' });
  const anchor = startAuditAnchor({ store: raw, dataDir: env.DATA_DIR, log: createLogger('audit-anchor', env.LOG_LEVEL) });
  return {
    store: anchor.store,
    async close() {
      anchor.stop();
      await anchor.advance();
      await raw.close();
    },
  };
}
