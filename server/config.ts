import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, parseEnv, type Env } from '../shared/config/env.js';
import type { Logger } from './log.js';

/** Reads `.env` (if any) and the environment; an invalid setting stops start-up with the reason. */
export function loadEnv(): Env {
  dotenv.config({ quiet: true });
  try {
    return parseEnv(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n\nSee the configuration table in README.md.\n`);
      process.exit(78);
    }
    throw err;
  }
}

/**
 * The ingest token: YUQING_INGEST_TOKEN when set, otherwise one generated on first start and kept
 * in DATA_DIR/ingest-token (so restarts keep it). It is the bootstrap ingest token; named tokens live in the store.
 */
export function resolveTokens(env: Env, log: Logger): { ingestToken: string } {
  let ingestToken = env.YUQING_INGEST_TOKEN;
  if (!ingestToken) {
    const file = path.join(env.DATA_DIR, 'ingest-token');
    if (existsSync(file)) ingestToken = readFileSync(file, 'utf8').trim();
    if (!ingestToken || ingestToken.length < 12) {
      ingestToken = randomBytes(18).toString('base64url');
      mkdirSync(env.DATA_DIR, { recursive: true });
      writeFileSync(file, `${ingestToken}\n`, { mode: 0o600 });
    }
    log.warn(
      { file },
      `YUQING_INGEST_TOKEN is not set: using the generated token in ${file}. ` +
        'Set YUQING_INGEST_TOKEN (12+ characters) in the environment or .env to choose your own.',
    );
  }
  return { ingestToken };
}
