import { openStore } from '../../shared/store/store.js';
import { checkAuditAnchor, verifyAudit } from '../../shared/store/repos/audit.js';
import { anchorPath, readAnchor } from '../auth/audit-anchor.js';
import { loadEnv } from '../config.js';

const USAGE = `usage: yuqing audit verify
  checks the audit log's hash chain and reports the first broken link, then checks that the
  newest rows are all there against the anchor the server keeps in DATA_DIR/audit-anchor
`;

/** `yuqing audit verify`: exit 0 intact, 1 with the first broken link or a removed tail. */
export async function main(args: string[]): Promise<void> {
  if (args[0] !== 'verify') {
    process.stderr.write(USAGE);
    process.exit(args[0] === undefined || args[0] === '--help' ? 0 : 2);
  }
  const env = loadEnv();
  const store = await openStore({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, mode: 'write' });
  const out = (s: string) => process.stdout.write(`${s}\n`);
  try {
    const r = await verifyAudit(store.db);
    if (r.ok) out(`audit log chain intact: ${r.checked} rows, every link holds`);
    else {
      out(`audit log BROKEN at row ${r.brokenAt!.id}: ${r.brokenAt!.reason} (${r.checked} rows before it are intact)`);
      process.exitCode = 1;
    }
    const file = readAnchor(env.DATA_DIR);
    if (file.state === 'missing') {
      out(`no anchor at ${anchorPath(env.DATA_DIR)}: whether the newest rows were removed cannot be checked (the server writes it; is DATA_DIR the server's?)`);
    } else if (file.state === 'unreadable') {
      out(`audit log anchor UNREADABLE (${anchorPath(env.DATA_DIR)}: ${file.reason})`);
      process.exitCode = 1;
    } else {
      const a = file.anchor;
      const c = await checkAuditAnchor(store.db, a, Date.now());
      if (c.ok) out(`newest rows present: the anchor's row ${a.id} (${new Date(a.at).toISOString()}) is there unchanged${c.note ? ` (${c.note})` : ''}`);
      else {
        out(`audit log TAIL BROKEN: ${c.reason}`);
        process.exitCode = 1;
      }
    }
  } finally {
    await store.close();
  }
}
