import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { mentionUid, type Mention } from '../../shared/contracts/mention.js';
import { MODELS_DIR } from '../nlp/model/model-file.js';
import { createTagger } from '../nlp/tagger.js';
import type { TaggedMention } from '../pipeline/tagged-mention.js';
import { openStore } from '../../shared/store/store.js';
import { createBatchWriter } from '../store/write-batch.js';
import { benchTexts } from './bench-texts.js';

function mentions(n: number, enShare: number): Mention[] {
  const base = Date.parse('2026-11-24T08:00:00+08:00');
  return benchTexts(n, enShare).map((t, i) => ({
    id: `b${i}`,
    platform: 'weibo',
    kind: i % 5 === 0 ? 'reply' : 'post',
    ...(i % 5 === 0 ? { rootId: `b${i - (i % 50)}`, parentId: `b${i - (i % 50)}` } : {}),
    text: t.text,
    createdAt: new Date(base + i * 10).toISOString(),
    author: { id: `u${i % 1000}`, followers: i % 5000 },
  }));
}

function rate(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;
}

/**
 * `yuqing bench` (npm run bench): tagging throughput on one core (the full tag step: normalise,
 * segment, sentiment/emotion/stance models, lexicon and cue rules, topic rules and the learned
 * fallback) for Chinese, English and mixed ~100-character texts and for replies with thread
 * context, load time and memory of the models, and the store's batch-write throughput.
 * Prints a small table on stdout; numbers go to the README with the machine they ran on.
 */
export async function main(args: string[]): Promise<void> {
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 20_000);
  if (args.includes('--store')) return print(n, await storeBench(createTagger(), n, process.env.DATABASE_URL));
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const tagger = createTagger();
  tagger.tag({ id: 'warm', platform: 'weibo', kind: 'post', text: '预热', createdAt: new Date().toISOString() });
  const loadMs = performance.now() - t0;
  const rssModels = process.memoryUsage().rss - rssBefore;

  const rows: [string, string][] = [];
  rows.push(['machine', `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}`]);
  rows.push(['model load', `${loadMs.toFixed(0)} ms, +${(rssModels / 2 ** 20).toFixed(0)} MB RSS`]);
  for (const [label, enShare] of [['tag zh', 0], ['tag en', 1], ['tag mixed 70/30', 0.3]] as const) {
    const batch = mentions(n, enShare);
    for (const m of batch.slice(0, 500)) tagger.tag(m); // warm the JIT
    const start = performance.now();
    for (const m of batch) tagger.tag(m);
    rows.push([`${label} (1 core)`, rate(n, performance.now() - start)]);
  }
  {
    // Replies read their root and parent (the stance model's pair features, English) or the
    // thread rules (Chinese): the heaviest path.
    const batch = mentions(n, 0.5);
    const ctx = { root: { text: batch[0]!.text }, parent: { text: batch[1]!.text } };
    const replies = batch.map((m) => ({ ...m, kind: 'reply' as const, rootId: 'b0', parentId: 'b1' }));
    for (const m of replies.slice(0, 500)) tagger.tag(m, ctx);
    const start = performance.now();
    for (const m of replies) tagger.tag(m, ctx);
    rows.push(['tag replies with root+parent, 50/50 (1 core)', rate(n, performance.now() - start)]);
  }
  const modelBytes = readdirSync(MODELS_DIR).reduce((a, f) => a + statSync(path.join(MODELS_DIR, f)).size, 0);
  rows.push(['model files on disk', `${(modelBytes / 2 ** 20).toFixed(1)} MB`]);

  rows.push(...(await storeBench(tagger, n, process.env.DATABASE_URL)));
  rows.push(['peak RSS', `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`]);
  print(n, rows);
}

function print(n: number, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`yuqing bench — ${n.toLocaleString('en-US')} mentions per row\n`);
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
}

/**
 * The batch writer alone (tagging done beforehand), on a fresh embedded store, or on the
 * PostgreSQL database of DATABASE_URL when set (`yuqing bench --store`: this part only).
 */
async function storeBench(tagger: ReturnType<typeof createTagger>, n: number, databaseUrl: string | undefined): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'yuqing-bench-'));
  try {
    const store = await openStore({ dataDir: dir, databaseUrl: databaseUrl?.startsWith('postgres') ? databaseUrl : undefined, mode: 'write' });
    const writer = createBatchWriter(store);
    // Unique per run, so a PostgreSQL database used before does not turn the run into duplicates.
    const run = Date.now().toString(36);
    const batch = mentions(n, 0.3).map((m) => ({ ...m, id: `${run}-${m.id}`, ...(m.rootId ? { rootId: `${run}-${m.rootId}`, parentId: `${run}-${m.parentId}` } : {}) }));
    const tagged: TaggedMention[] = batch.map((m) => {
      const { normalised, ...tags } = tagger.tag(m);
      const uid = mentionUid(m);
      const rootUid = m.rootId ? mentionUid({ platform: m.platform, id: m.rootId }) : null;
      return { mention: m, uid, parentUid: rootUid, rootUid, threadUid: rootUid ?? uid, tags, normalised };
    });
    const label = store.backend === 'sqlite' ? 'SQLite, synchronous=FULL' : 'PostgreSQL';
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < tagged.length; i += 500) await writer.write(tagged.slice(i, i + 500), 'api');
    rows.push([`store write (500/txn, ${label})`, rate(n, performance.now() - start)]);
    // CPU time of this process (the database server's own is not in it for PostgreSQL): steadier
    // than the rate on a machine shared with other work.
    const used = process.cpuUsage(cpu);
    rows.push(['store write CPU per 1,000 mentions', `${((used.user + used.system) / 1000 / (n / 1000)).toFixed(1)} ms`]);
    const again = performance.now();
    for (let i = 0; i < tagged.length; i += 500) await writer.write(tagged.slice(i, i + 500), 'api');
    rows.push(['store re-write of duplicates (skipped)', rate(n, performance.now() - again)]);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
