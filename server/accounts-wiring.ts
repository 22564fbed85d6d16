import type { RequestHandler, Router } from 'express';
import type { Redis } from 'ioredis';
import type { Server as IoServer } from 'socket.io';
import type { Env } from '../shared/config/env.js';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents } from '../shared/contracts/live.js';
import type { Store } from '../shared/store/store.js';
import { pruneAudit } from '../shared/store/repos/audit.js';
import { pruneSessions } from '../shared/store/repos/sessions.js';
import { pruneLoginFailures } from '../shared/store/repos/users.js';
import { createAccounts } from './auth/accounts.js';
import { createAdminUsers } from './auth/admin-users.js';
import { createApiTokens } from './auth/api-tokens.js';
import { auditActs } from './auth/audit-acts.js';
import { authConfigFrom } from './auth/auth-config.js';
import { authorize } from './auth/authorize.js';
import { ensureInitialAdmin } from './auth/bootstrap.js';
import { protectSockets } from './auth/socket-auth.js';
import { refuseNulInUrl } from './http/nul-guard.js';
import { ingestRateLimit, loginRateLimit } from './http/rate-limits.js';
import { securityHeaders } from './http/security-headers.js';
import type { Logger } from './log.js';
import { metricsNetwork } from './metrics/network.js';
import { auditRouter } from './routes/audit.js';
import { authRouter } from './routes/auth.js';
import { tokensRouter } from './routes/tokens.js';
import { usersRouter } from './routes/users.js';

export interface AccountsWiringOptions {
  env: Env;
  log: Logger;
  store: Store;
  /** The app's command connection (rate-limit counters). */
  redis: Redis;
  bootstrapIngestToken: string;
  now?: () => number;
}

const MAINTENANCE_MS = 60 * 60_000;

/**
 * Everything accounts adds to the application, in one place so app.ts only mounts it: the
 * services, the middleware in front of every router, the routers, the socket guard, the
 * cross-server "sessions ended" message (Socket.IO's serverSideEmit over the Redis adapter) and
 * the hourly clean-up.
 */
export async function startAccounts(o: AccountsWiringOptions) {
  const { env, log } = o;
  const store = o.store;
  const now = o.now ?? Date.now;
  const config = authConfigFrom(env);
  let recheckSockets = () => {};
  let tellOtherServers = () => {};
  const sessionsEnded = () => {
    recheckSockets();
    tellOtherServers();
  };

  const accounts = createAccounts({ store, config, now, onSessionsEnded: sessionsEnded });
  const users = createAdminUsers({ store, now, onSessionsEnded: sessionsEnded });
  const tokens = createApiTokens({ store, bootstrapIngestToken: o.bootstrapIngestToken, now });

  if (env.YUQING_ADMIN_TOKEN) {
    log.warn('YUQING_ADMIN_TOKEN is no longer used: sign in as an administrator, or create a named API token (`yuqing token add`)');
  }
  await ensureInitialAdmin(store, env.DATA_DIR, log, now);

  const maintain = async () => {
    const t = now();
    await store.write(async (tx) => {
      await pruneSessions(tx, t - 24 * 3_600_000);
      await pruneLoginFailures(tx, t - config.failureWindowMs);
      await pruneAudit(tx, config.auditRetentionDays, t);
    });
  };
  const maintenance = setInterval(() => void maintain().catch((err: Error) => log.warn({ error: err.message }, 'accounts clean-up failed')), MAINTENANCE_MS);
  maintenance.unref();

  const middleware: RequestHandler[] = [
    securityHeaders(),
    refuseNulInUrl(),
    authorize({ store, accounts, tokens, log, now, metricsNetwork: metricsNetwork(env.YUQING_METRICS_ALLOW, trustsProxy(env.YUQING_TRUST_PROXY)) }),
    auditActs({ store, log, now }),
  ];
  const routers: Router[] = [
    authRouter({ accounts, config, loginLimiter: loginRateLimit(o.redis, env.YUQING_REDIS_PREFIX, env.YUQING_LOGIN_RATE_PER_MINUTE) }),
    usersRouter(users),
    tokensRouter(tokens),
    auditRouter({ store, log, now }),
  ];
  let stopSockets = () => {};

  return {
    accounts,
    users,
    tokens,
    middleware,
    routers,
    ingestRateLimit: ingestRateLimit(o.redis, env.YUQING_REDIS_PREFIX, env.YUQING_INGEST_RATE_PER_MINUTE),
    protectSockets(io: IoServer<ClientToServerEvents, ServerToClientEvents, InterServerEvents>) {
      const guard = protectSockets({ io, store, accounts, log, checkEveryMs: env.YUQING_SESSION_CHECK_SECONDS * 1000 });
      recheckSockets = guard.recheck;
      stopSockets = guard.stop;
      // The other servers re-check their sockets at once too, instead of at their next periodic check.
      tellOtherServers = () => io.serverSideEmit('sessionsEnded');
      io.on('sessionsEnded', () => guard.recheck());
    },
    async stop() {
      clearInterval(maintenance);
      stopSockets();
      tellOtherServers = () => {};
    },
  };
}

/** Whether express believes X-Forwarded-For (YUQING_TRUST_PROXY set to anything but 0 hops). */
function trustsProxy(setting: string | undefined): boolean {
  return setting !== undefined && setting.trim() !== '0';
}
