/** A file (or database) that is not a usable yuqing store: damaged, another schema, or a newer version's. */
export class NotAStoreError extends Error {
  override name = 'NotAStoreError';
}

/** Another process (a running yuqing server or worker) has the store open. */
export class StoreInUseError extends Error {
  override name = 'StoreInUseError';
}

/**
 * This transaction read something another writer changed before it could commit (for instance a
 * story root that two PostgreSQL writers registered for different stories at once). `Store.write`
 * runs the transaction again from the start, as it does after a deadlock; the retry sees the
 * other writer's committed rows.
 */
export class WriteConflictError extends Error {
  override name = 'WriteConflictError';
}

/** What a backup or restore reports about the store it copied. */
export interface StoreSummary {
  mentions: number;
  /** Schema migrations applied, of those this version knows. */
  migrations: number;
  newestMention: string | null;
}

/** Checks a store's applied migrations against those this version knows. */
export function checkMigrations(applied: readonly { id: number; name: string }[], known: readonly { id: number; name: string }[]): void {
  for (const m of applied) {
    const k = known.find((x) => x.id === m.id);
    if (!k) throw new NotAStoreError(`made by a newer yuqing (schema migration ${m.id} "${m.name}" is unknown to this version)`);
    if (k.name !== m.name) throw new NotAStoreError(`schema migration ${m.id} is "${m.name}", not yuqing's "${k.name}"`);
  }
}

export interface RestoreResult {
  restored: StoreSummary;
  /** Where the store that was replaced now is (undefined when there was none). */
  previous?: string;
}
