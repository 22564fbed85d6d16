import type { Store } from '../../shared/store/store.js';
import { appendAudit, type AuditInput } from '../../shared/store/repos/audit.js';
import type { Logger } from '../log.js';

/**
 * Appends an audit row in a transaction of its own, for acts that are not a store write here (a
 * refused request, a search, an export) or whose write happens in the old store handle until the
 * store refactor lands. A failure to audit is logged loudly but does not undo the answer.
 */
export async function auditAlone(store: Store, entry: AuditInput, now: number, log?: Logger): Promise<void> {
  try {
    await store.write((tx) => appendAudit(tx, entry, now));
  } catch (err) {
    log?.error({ error: (err as Error).message, action: entry.action }, 'could not write the audit row');
  }
}
