import { run } from './cli/start.js';

/** `yuqing server`: the HTTP + Socket.IO server alone (REDIS_URL required), for scale-out. */
export async function main(): Promise<void> {
  await run({ role: 'server' });
}
