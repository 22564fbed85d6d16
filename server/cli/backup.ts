import { existsSync } from 'node:fs';
import { backupStore } from '../../shared/store/backup.js';
import { NotAStoreError } from '../../shared/store/store-errors.js';
import { loadEnv } from '../config.js';

/** `yuqing backup FILE [--force]`: an online, consistent copy of the store (SQLite file or PostgreSQL dump), safe while yuqing runs. */
export async function main(args: string[]): Promise<void> {
  const force = args.includes('--force');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file || args.includes('--help')) {
    process.stderr.write(
      'usage: yuqing backup FILE [--force]\n  copies the store (DATA_DIR, or DATABASE_URL with pg_dump) to FILE while yuqing runs; --force replaces an existing FILE\n',
    );
    process.exit(file ? 0 : 2);
  }
  if (existsSync(file) && !force) {
    process.stderr.write(`yuqing backup: ${file} exists; --force replaces it\n`);
    process.exit(2);
  }
  const env = loadEnv();
  try {
    const b = await backupStore({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL }, file);
    process.stderr.write(
      `backed up ${b.mentions.toLocaleString('en-US')} mentions (newest ${b.newestMention ?? 'none'}, ` +
        `${(b.bytes / 2 ** 20).toFixed(1)} MB) to ${file}\n`,
    );
  } catch (err) {
    process.stderr.write(`yuqing backup: ${(err as Error).message}\n`);
    process.exit(err instanceof NotAStoreError ? 2 : 1);
  }
}
