import type { Redis as RedisClient } from 'ioredis';
import type { Router } from 'express';
import type { Env } from '../../shared/config/env.js';
import type { AlertView } from '../../shared/contracts/alerts.js';
import { openStore, type Store } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import { CHANNELS, channelName } from '../../shared/contracts/queue.js';
import { startEvaluator } from './evaluator.js';
import { contactPointSender, type ContactPointSender } from './outbound.js';
import { startOutbox } from './outbox.js';
import { notifyRouter } from './routes.js';
import { loadNotifyKey, secretBox } from './secret-box.js';

/** What tests (and operators, through the environment) may change. */
export interface NotifyOptions {
  now: () => number;
  intervalMs: number;
  attempts: number;
  baseDelayMs: number;
  timeoutMs: number;
  /** Where the dashboard is reachable, for absolute links in messages (YUQING_PUBLIC_URL). */
  publicUrl: string;
  /** How often this server looks for due deliveries in the outbox. */
  deliveryPollMs: number;
}

export interface NotifyDeps {
  env: Env & { REDIS_URL: string };
  redis: RedisClient;
  /** Sends the `alert` socket event to the dashboards of every server (the Socket.IO Redis adapter carries it). */
  emit: (a: AlertView) => void;
  log: Logger;
  options?: Partial<NotifyOptions> | undefined;
}

export interface Notify {
  router: Router;
  store: Store;
  evaluator: ReturnType<typeof startEvaluator>;
  /** Sending through a contact point for other features (the scheduled reports). */
  sender: ContactPointSender;
  outbox: ReturnType<typeof startOutbox>;
  stop(): Promise<void>;
}

/**
 * Alerting, mounted by the app in one place: the routes and the evaluator timer. Only one server
 * evaluates a tick, but every server has sockets: a new or acknowledged alert goes out through
 * `emit`, which the Socket.IO Redis adapter delivers to every server's dashboards once. Its own
 * store handle until the server moves to the async store everywhere.
 */
export async function mountNotify(d: NotifyDeps): Promise<Notify> {
  const o: NotifyOptions = {
    now: Date.now,
    intervalMs: 30_000,
    attempts: 5,
    baseDelayMs: 2_000,
    timeoutMs: 10_000,
    publicUrl: process.env.YUQING_PUBLIC_URL ?? '',
    deliveryPollMs: 1_000,
    ...d.options,
  };
  const store = await openStore({ dataDir: d.env.DATA_DIR, databaseUrl: d.env.DATABASE_URL, mode: 'read', readers: 1 });
  const box = secretBox(loadNotifyKey(d.env.DATA_DIR, process.env.YUQING_NOTIFY_KEY));
  const announce = (a: AlertView) => d.emit(a);
  const rulesChannel = channelName(d.env.YUQING_REDIS_PREFIX, CHANNELS.alertRulesChanged);
  const announceRules = () => void d.redis.publish(rulesChannel, String(Date.now())).catch((err: Error) => d.log.warn({ error: err.message }, 'alert rules change not published'));
  const delivery = { db: store.db, box, log: d.log, timeZone: d.env.YUQING_TIMEZONE, now: o.now, attempts: o.attempts, baseDelayMs: o.baseDelayMs, timeoutMs: o.timeoutMs, publicUrl: o.publicUrl };
  const outbox = startOutbox({ store, delivery, pollMs: o.deliveryPollMs });
  const evaluator = startEvaluator({
    store,
    redis: d.redis,
    prefix: d.env.YUQING_REDIS_PREFIX,
    log: d.log,
    now: o.now,
    publicUrl: o.publicUrl,
    intervalMs: o.intervalMs,
    announce,
    delivered: () => void outbox.kick(),
  });
  // Deliveries left by a server that stopped (or died) are taken up at once.
  void outbox.kick();
  const router = notifyRouter({ store, box, delivery, announceAck: announce, announceRules });
  return {
    router,
    store,
    evaluator,
    sender: contactPointSender(delivery),
    outbox,
    async stop() {
      await evaluator.stop();
      await outbox.stop();
      await store.close();
    },
  };
}
