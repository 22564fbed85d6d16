import { restoreStore } from '../../shared/store/backup.js';
import { NotAStoreError, StoreInUseError } from '../../shared/store/store-errors.js';
import { existsSync, renameSync } from 'node:fs';
import { anchorPath } from '../auth/audit-anchor.js';
import { loadEnv } from '../config.js';

/** `yuqing restore FILE`: puts a backup in place of the store while yuqing is stopped. */
export async function main(args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file || args.includes('--help')) {
    process.stderr.write(
      'usage: yuqing restore FILE\n  replaces the store (DATA_DIR, or DATABASE_URL with pg_restore) with the backup FILE (yuqing must be stopped); the old store is kept aside\n',
    );
    process.exit(file ? 0 : 2);
  }
  const env = loadEnv();
  try {
    const r = await restoreStore({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL }, file);
    process.stderr.write(
      `restored ${r.restored.mentions.toLocaleString('en-US')} mentions (newest ${r.restored.newestMention ?? 'none'}) from ${file}\n` +
        (r.previous ? `the previous store is kept at ${r.previous}\n` : ''),
    );
    // The anchor records the replaced store's newest audit row; the restored log ends elsewhere.
    // Kept aside (not deleted), and the next start anchors the restored log afresh.
    const anchor = anchorPath(env.DATA_DIR);
    if (existsSync(anchor)) {
      const aside = `${anchor}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(anchor, aside);
        process.stderr.write(`the audit log's anchor of the replaced store is kept at ${aside}\n`);
      } catch (err) {
        process.stderr.write(`could not move ${anchor} aside (${(err as Error).message}): move it yourself, or \`audit verify\` will compare the restored log with the old one\n`);
      }
    }
  } catch (err) {
    process.stderr.write(`yuqing restore: ${(err as Error).message}; nothing was changed\n`);
    process.exit(err instanceof StoreInUseError ? 75 : err instanceof NotAStoreError ? 2 : 1);
  }
}
