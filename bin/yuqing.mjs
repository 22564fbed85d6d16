#!/usr/bin/env node
// Launcher for the `yuqing` command. It only registers the TypeScript loader and hands over to the
// module that owns the sub-command; it must print nothing itself, because `tag` and `rumours` use
// stdout for data.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const commands = {
  start: 'server/cli/start.ts',
  server: 'server/main.ts',
  worker: 'workers/main.ts',
  import: 'server/cli/import.ts',
  labels: 'server/cli/labels.ts',
  backup: 'server/cli/backup.ts',
  restore: 'server/cli/restore.ts',
  user: 'server/cli/user.ts',
  token: 'server/cli/token.ts',
  audit: 'server/cli/audit.ts',
  tag: 'workers/cli/tag.ts',
  rumours: 'workers/cli/rumours.ts',
  bench: 'workers/cli/bench.ts',
  train: 'workers/cli/train.ts',
  eval: 'workers/cli/eval.ts',
};

const [name, ...args] = process.argv.slice(2);
// `bench --system` runs the whole system (server, Redis, workers) and measures it end to end.
const target = name === 'bench' && args.includes('--system') ? 'scripts/bench/system.ts' : name ? commands[name] : undefined;
if (!target) {
  process.stderr.write(
    `usage: yuqing <command> [options]\n\ncommands:\n` +
      `  start            start Redis (unless REDIS_URL is set), the server, workers and the demo feed\n` +
      `  server           start only the HTTP + Socket.IO server\n` +
      `  worker           start one tagging worker process\n` +
      `  import FILE      import mentions from a JSON Lines or CSV file (resumable, idempotent)\n` +
      `  labels export    write the analysts' reviewed mentions as training labels (DATA_DIR/review-labels.jsonl)\n` +
      `  backup FILE      copy the store to FILE while yuqing runs (online, consistent)\n` +
      `  restore FILE     replace the store with a backup (yuqing stopped; the old store is kept aside)\n` +
      `  user …           add|list|reset-password|disable|enable|set-role: manage accounts\n` +
      `  token …          add|list|revoke: named API tokens (ingest or read-only)\n` +
      `  audit verify     check the audit log's hash chain; reports the first broken link\n` +
      `  tag              tag Mention JSON lines from stdin, one result line each on stdout\n` +
      `  rumours          score thread roots from Mention JSON lines on stdin\n` +
      `  bench            measure tagging throughput and memory (--system: the whole pipeline end to end)\n` +
      `  train            rebuild the model files from ../shared/datasets\n` +
      `  eval             evaluate tagging and rumour scoring on ../shared/datasets\n`,
  );
  process.exit(name ? 2 : 0);
}
// Everything yuqing writes (store, Redis data, secrets, exports) is for its owner only.
process.umask(0o077);
register();
const mod = await import(new URL(target, root).href);
if (typeof mod.main !== 'function') throw new Error(`${fileURLToPath(new URL(target, root))} exports no main()`);
await mod.main(args);
