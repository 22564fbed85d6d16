/** Resolves with `p`, or with undefined after `ms` whatever `p` does (shutdown must not wait on a peer that is gone). */
export function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.catch(() => undefined),
    new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms))),
  ]).finally(() => clearTimeout(timer));
}

/** The part of an ioredis client that closing needs (kept structural so shared/ imports no Node library). */
export interface ClosableRedis {
  status: string;
  quit(): Promise<unknown>;
  disconnect(): void;
}

/** QUIT when connected (flushes replies), otherwise just drop the socket. */
export async function closeRedis(c: ClosableRedis, ms = 2000): Promise<void> {
  if (c.status === 'ready') await within(c.quit(), ms);
  c.disconnect();
}
