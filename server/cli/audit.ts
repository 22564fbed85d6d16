import { openStore } from '../../shared/store/store.js';
import { verifyAudit } from '../../shared/store/repos/audit.js';
import { loadEnv } from '../config.js';

/** `yuqing audit verify`: walks the audit log's hash chain; exit 0 intact, 1 with the first broken link. */
export async function main(args: string[]): Promise<void> {
  if (args[0] !== 'verify') {
    process.stderr.write('usage: yuqing audit verify\n  checks the audit log\'s hash chain and reports the first broken link\n');
    process.exit(args[0] === undefined || args[0] === '--help' ? 0 : 2);
  }
  const env = loadEnv();
  const store = await openStore({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, mode: 'write' });
  try {
    const r = await verifyAudit(store.db);
    if (r.ok) {
      process.stdout.write(`audit log intact: ${r.checked} rows, every link holds\n`);
    } else {
      process.stdout.write(`audit log BROKEN at row ${r.brokenAt!.id}: ${r.brokenAt!.reason} (${r.checked} rows before it are intact)\n`);
      process.exitCode = 1;
    }
  } finally {
    await store.close();
  }
}
