import { z } from 'zod';

const bool01 = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const cidr = z.union([z.cidrv4(), z.cidrv6()]);
const address = z.union([z.ipv4(), z.ipv6()]);
/**
 * A comma-separated list of networks (CIDR) or single addresses, or `none`; normalised to CIDRs
 * (a bare address is its own /32 or /128).
 */
const networkList = z
  .string()
  .transform((v, ctx) => {
    const items = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (items.length === 1 && items[0]!.toLowerCase() === 'none') return [];
    const out: string[] = [];
    for (const item of items) {
      if (cidr.safeParse(item).success) out.push(item);
      else if (address.safeParse(item).success) out.push(`${item}/${item.includes(':') ? 128 : 32}`);
      else ctx.addIssue({ code: 'custom', message: `"${item}" is not an address or a network in CIDR notation (e.g. 10.0.0.0/8, ::1/128), nor "none"` });
    }
    if (out.length === 0 && items.length === 0) ctx.addIssue({ code: 'custom', message: 'give at least one network, or "none"' });
    return out;
  });

/**
 * Every setting of every process, from the environment (and an optional .env).
 * One definition so the README's configuration table, the server and the workers cannot drift.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Namespace for every Redis key and channel, so several deployments (or tests) can share one Redis. */
  YUQING_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/).default('yuqing'),
  /** Unset (or sqlite:PATH): the embedded store in DATA_DIR. postgres://user:pass@host:port/db: PostgreSQL. */
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'DATABASE_URL must be sqlite:PATH or postgres://user:password@host:port/database')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  YUQING_INGEST_TOKEN: z.string().min(12, 'YUQING_INGEST_TOKEN must be at least 12 characters').optional(),
  /** No longer used (accounts and named API tokens replace it); a set value only draws a warning at start. */
  YUQING_ADMIN_TOKEN: z.string().optional(),
  /** Password policy: minimum length, and how many of the 4 classes (lower, upper, digit, other) a password needs. */
  YUQING_PASSWORD_MIN_LENGTH: int(8, 128).default(12),
  YUQING_PASSWORD_MIN_CLASSES: int(1, 4).default(3),
  /** Lock-out: this many failed sign-ins for one name within the window lock it for YUQING_LOCKOUT_MINUTES. */
  YUQING_LOGIN_MAX_FAILURES: int(1, 100).default(5),
  YUQING_LOGIN_WINDOW_MINUTES: int(1, 24 * 60).default(15),
  YUQING_LOCKOUT_MINUTES: int(1, 24 * 60).default(15),
  /** Sessions end after this long without a request (fractions allowed, for tests) and at the latest this long after sign-in. */
  YUQING_SESSION_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60).default(30),
  YUQING_SESSION_MAX_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** How often open sockets are checked against their session (ended sessions are disconnected). */
  YUQING_SESSION_CHECK_SECONDS: z.coerce.number().min(0.2).max(300).default(5),
  /**
   * Set when a reverse proxy terminates HTTPS: then X-Forwarded-Proto/-For are believed (Secure
   * cookies, client IPs in the audit log and rate limits). Value as express's "trust proxy" (1 = one hop).
   */
  YUQING_TRUST_PROXY: z.string().regex(/^(\d{1,2}|true|loopback|[0-9a-f.:/, ]+)$/i, 'YUQING_TRUST_PROXY: a hop count, "loopback" or addresses').optional(),
  /**
   * Addresses that may scrape GET /metrics without a token (besides a metrics-scope token). The
   * client address is the one express sees: behind YUQING_TRUST_PROXY, the forwarded one.
   */
  YUQING_METRICS_ALLOW: networkList.default(['127.0.0.0/8', '::1/128']),
  /** Sign-in attempts per client IP per minute, and ingest requests per token per minute (held in Redis, across servers). */
  YUQING_LOGIN_RATE_PER_MINUTE: int(1, 100_000).default(30),
  YUQING_INGEST_RATE_PER_MINUTE: int(1, 1_000_000).default(1200),
  /** Ingest refuses a createdAt more than this many minutes ahead, or before YUQING_MIN_CREATED_AT. */
  YUQING_MAX_FUTURE_MINUTES: int(0, 24 * 60).default(5),
  YUQING_MIN_CREATED_AT: z.iso.datetime({ offset: true }).default('2009-01-01T00:00:00Z'),
  /** Audit rows are kept at least this many days; never below 180 (MLPS 2.0: six months). */
  YUQING_AUDIT_RETENTION_DAYS: int(180, 36_500).default(180),
  YUQING_DEMO: bool01.default(true),
  YUQING_DEMO_RATE: int(1, 600_000).default(120),
  YUQING_DEMO_SPEED: z.coerce.number().min(0.1).max(1000).default(1),
  YUQING_DEMO_SEED: int(0, 2 ** 31 - 1).default(20261124),
  YUQING_DEMO_BACKFILL_MINUTES: int(0, 24 * 60).default(60),
  YUQING_WORKERS: int(0, 64).optional(),
  /** How long a worker holds a job before others may take it over after a crash (BullMQ lockDuration). */
  YUQING_JOB_LOCK_MS: int(1000, 600_000).default(30_000),
  YUQING_TIMEZONE: z.string().default('Asia/Shanghai'),
  YUQING_MAX_BODY_BYTES: int(1024, 256 * 1024 * 1024).default(10 * 1024 * 1024),
  YUQING_MAX_BATCH_ITEMS: int(1, 100_000).default(10_000),
  /**
   * Mentions created more than this many days ago are deleted by the workers (the per-minute
   * aggregates keep counting them); unset keeps everything.
   */
  YUQING_RETENTION_DAYS: int(1, 36_500).optional(),
  /**
   * Benchmark only (`bench --system` sets it for its ceiling run): workers skip tagging and store
   * every mention with the same neutral tags, so the run measures the rest of the pipeline.
   */
  YUQING_BENCH_UNTAGGED: bool01.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" (a common .env habit) rather than invalid values.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const r = envSchema.safeParse(cleaned);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return r.data;
}
