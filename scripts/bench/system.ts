/**
 * `yuqing bench --system` (npm run bench -- --system): the whole pipeline as a user runs it.
 * Starts `yuqing start` on a fresh data directory (or DATABASE_URL), optionally preloads the store
 * through the API, then posts mentions through the real HTTP API and times them until /healthz
 * counts them stored (tagged, clustered, aggregated, published), sampling the WAL's size on the
 * way; then times the analyst, summary and live queries, and /healthz while slow reads are in
 * flight. Prints a table for the README; measures, never asserts.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { benchSession } from './sign-in.js';
import type { Mention } from '../../shared/contracts/mention.js';
import { startSystem, type RunningSystem } from './system-process.js';
import { traffic } from './traffic.js';

const TOKEN = 'bench-ingest-token-0123456789';
const CONCURRENCY = 4;

interface Options {
  mentions: number;
  preload: number;
  preloadDays: number;
  workers: number;
  /** Mentions per ingest request (a connector's batch); a job carries at most MAX_MENTIONS_PER_JOB of them. */
  request: number;
  keep: boolean;
  /** Run the pipeline a second time with tagging off (YUQING_BENCH_UNTAGGED), the ceiling the rest allows. */
  ceiling: boolean;
}

function parse(args: string[]): Options {
  const num = (name: string, d: number) => {
    const i = args.indexOf(`--${name}`);
    if (i < 0) return d;
    const v = Number(args[i + 1]);
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} needs a whole number`);
    return v;
  };
  return {
    mentions: num('mentions', 200_000),
    preload: num('preload', 0),
    preloadDays: num('preload-days', 30),
    workers: num('workers', cpus().length),
    request: Math.max(1, num('request', 1000)),
    keep: args.includes('--keep'),
    ceiling: !args.includes('--no-ceiling'),
  };
}

async function postAll(url: string, batches: Iterable<Mention[]>): Promise<number> {
  const it = batches[Symbol.iterator]();
  let sent = 0;
  const lane = async () => {
    for (let next = it.next(); !next.done; next = it.next()) {
      const body = JSON.stringify(next.value);
      for (let attempt = 0; ; attempt++) {
        const r = await fetch(`${url}/api/v1/mentions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body,
        });
        if (r.status === 202) {
          const a = (await r.json()) as { accepted: number; rejected: unknown[] };
          if (a.rejected.length) throw new Error(`the API rejected ${a.rejected.length} generated mentions: ${JSON.stringify(a.rejected[0])}`);
          sent += a.accepted;
          break;
        }
        if ((r.status === 503 || r.status === 429) && attempt < 100) {
          await new Promise((res) => setTimeout(res, 200));
          continue;
        }
        throw new Error(`POST /api/v1/mentions answered ${r.status}: ${await r.text()}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return sent;
}

async function storedCount(url: string): Promise<number> {
  const r = await fetch(`${url}/healthz`);
  return ((await r.json()) as { mentions: number }).mentions;
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

interface Run {
  rate: number;
  seconds: number;
  walMaxMb: number;
  bytesPerMention: number;
}

/** Posts `n` mentions and waits until all are stored; the rate counts from the first post to the last stored. */
async function timedIngest(sys: RunningSystem, request: number, n: number, start: number, spanMs: number, prefix: string, seed: number): Promise<Run> {
  const base = await storedCount(sys.url);
  const db = path.join(sys.dataDir, 'yuqing.db');
  let walMax = 0;
  const sampler = setInterval(() => {
    walMax = Math.max(walMax, fileSize(`${db}-wal`));
  }, 100);
  const t0 = performance.now();
  await postAll(sys.url, traffic(n, request, { start, spanMs, seed, idPrefix: prefix }));
  let stored = base;
  while (stored < base + n) {
    await new Promise((r) => setTimeout(r, 100));
    stored = await storedCount(sys.url);
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  return { rate: n / seconds, seconds, walMaxMb: walMax / 2 ** 20, bytesPerMention: fileSize(db) / Math.max(1, stored) };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function timeGet(url: string, headers: Record<string, string>, runs = 20): Promise<{ p50: number; p95: number; status: number }> {
  const ms: number[] = [];
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await fetch(url, { headers });
    status = r.status;
    await r.arrayBuffer();
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), status };
}

async function timeSnapshot(url: string, headers: Record<string, string>, runs = 10): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await new Promise<void>((resolve, reject) => {
      const s = io(url, { transports: ['websocket'], reconnection: false, extraHeaders: headers });
      s.once('snapshot', () => {
        s.close();
        resolve();
      });
      s.once('connect_error', (e) => reject(e));
    });
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

/** The same pipeline on a fresh store with the workers' tagging off: what API, queue and store allow. */
async function ceilingRun(env: Record<string, string>, request: number, n: number, now: number): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yuqing-bench-ceiling-'));
  try {
    const sys = await startSystem({ ...env, YUQING_BENCH_UNTAGGED: '1' }, dir);
    try {
      const run = await timedIngest(sys, request, n, now - 600_000, 540_000, 'c', 9);
      return `${fmt(run.rate)}/s (${run.seconds.toFixed(1)} s)`;
    } finally {
      await sys.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (x: number) => `${Math.round(x).toLocaleString('en-US')}`;

export async function main(args: string[]): Promise<void> {
  const o = parse(args);
  const rows: [string, string][] = [['machine', `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}`]];
  const backend = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'embedded SQLite';
  rows.push(['store', backend]);
  const env = { YUQING_INGEST_TOKEN: TOKEN, YUQING_WORKERS: String(o.workers), YUQING_MAX_BATCH_ITEMS: String(o.request) };
  const dir = mkdtempSync(path.join(tmpdir(), 'yuqing-bench-'));
  const day = 86_400_000;
  const now = Date.now();
  try {
    const sys = await startSystem(env, dir);
    try {
      if (o.preload) {
        // Spread over the last `preloadDays` days with a tenth of it on the busiest day (yesterday).
        const busiest = Math.floor(o.preload / 10);
        const rest = o.preload - busiest;
        const restRun = await timedIngest(sys, o.request, rest, now - o.preloadDays * day, (o.preloadDays - 2) * day, 'pre', 7);
        const busyRun = await timedIngest(sys, o.request, busiest, now - 2 * day + 3_600_000, day - 7_200_000, 'busy', 8);
        rows.push([`preload ${fmt(o.preload)} over ${o.preloadDays} days`, `${fmt((rest + busiest) / (restRun.seconds + busyRun.seconds))}/s`]);
      }
      const run = await timedIngest(sys, o.request, o.mentions, now - 600_000, 540_000, 'm', 9);
      rows.push([`end to end, ${fmt(o.mentions)} mentions in requests of ${fmt(o.request)}, ${o.workers} workers${o.preload ? `, ${fmt(o.preload)} stored before` : ''}`, `${fmt(run.rate)}/s (${run.seconds.toFixed(1)} s)`]);
      // Both are read off the embedded store's files; PostgreSQL keeps its own WAL and pages.
      if (backend === 'embedded SQLite') {
        rows.push(['WAL largest during the run', `${run.walMaxMb.toFixed(1)} MB`]);
        rows.push(['store bytes per mention', fmt(run.bytesPerMention)]);
      }

      const session = await benchSession(sys.url, sys.dataDir);
      const api = `${sys.url}/api/v1`;
      const busyDay = new Date(now - 2 * day + 8 * 3_600_000).toISOString().slice(0, 10);
      const from = new Date(now - 7 * day).toISOString();
      const to = new Date(now).toISOString();
      const queries: [string, string][] = [
        [`daily summary (${o.preload ? 'busiest day' : 'today'})`, `${api}/summary?date=${o.preload ? busyDay : new Date(now).toISOString().slice(0, 10)}`],
        ['keyword 辟谣, 7 days, negative', `${api}/mentions?q=${encodeURIComponent('辟谣')}&from=${from}&to=${to}&sentiment=negative&limit=50`],
        ['rare keyword 南山街道9, 7 days', `${api}/mentions?q=${encodeURIComponent('南山街道9')}&from=${from}&to=${to}&limit=50`],
        ['critical + negative by engagement', `${api}/mentions?critical=true&sentiment=negative&sort=engagement&limit=50`],
        ['series, 24 h by minute', `${api}/stats/series?from=${new Date(now - day).toISOString()}&to=${to}`],
      ];
      for (const [label, url] of queries) {
        const t = await timeGet(url, session.headers);
        rows.push([`${label} p50 / p95`, `${t.p50.toFixed(0)} / ${t.p95.toFixed(0)} ms${t.status === 200 ? '' : ` (HTTP ${t.status})`}`]);
      }
      const snap = await timeSnapshot(sys.url, session.headers);
      rows.push(['live snapshot p50 / p95', `${snap.p50.toFixed(0)} / ${snap.p95.toFixed(0)} ms`]);

      // The way the server once stalled: three summaries and an export in flight, then /healthz.
      const slow = [1, 2, 3].map(() => fetch(queries[0]![1], { headers: session.headers }).then((r) => r.arrayBuffer()));
      slow.push(fetch(`${api}/mentions/export.csv?limit=100000`, { headers: session.headers }).then((r) => r.arrayBuffer()));
      const health = await timeGet(`${sys.url}/healthz`, {}, 10);
      await Promise.all(slow);
      rows.push(['/healthz under 3 summaries + export, p50 / p95', `${health.p50.toFixed(0)} / ${health.p95.toFixed(0)} ms`]);
    } finally {
      await sys.stop();
    }
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
  if (o.ceiling) rows.push([`ceiling: the same ${fmt(o.mentions)} with tagging off`, await ceilingRun(env, o.request, o.mentions, now)]);
  const w = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(w)}  ${v}\n`);
}
