import { loadEnv } from '../config.js';
import { restoreStore } from '../store/restore.js';
import { NotAStoreError, StoreInUseError } from '../store/store-file.js';

/** `yuqing restore FILE`: puts a backup in place of DATA_DIR's store while yuqing is stopped. */
export async function main(args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file || args.includes('--help')) {
    process.stderr.write('usage: yuqing restore FILE\n  replaces the store of DATA_DIR with the backup FILE (yuqing must be stopped); the old store is kept aside\n');
    process.exit(file ? 0 : 2);
  }
  const env = loadEnv();
  try {
    const r = restoreStore(env.DATA_DIR, file);
    process.stderr.write(
      `restored ${r.restored.mentions.toLocaleString('en-US')} mentions (newest ${r.restored.newestMention ?? 'none'}) from ${file}\n` +
        (r.previous ? `the previous store is kept at ${r.previous}\n` : ''),
    );
  } catch (err) {
    process.stderr.write(`yuqing restore: ${(err as Error).message}; nothing was changed\n`);
    process.exit(err instanceof StoreInUseError ? 75 : err instanceof NotAStoreError ? 2 : 1);
  }
}
