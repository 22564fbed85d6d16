import { BlockList, isIPv4 } from 'node:net';
import type { Request } from 'express';

/**
 * Whether a request comes from a network in YUQING_METRICS_ALLOW. The address is `req.ip`: the
 * socket's peer, or, with YUQING_TRUST_PROXY, the client the trusted proxies name. Without a trusted
 * proxy, a request that carries forwarding headers gets no network access at all: it most likely
 * came through a proxy on this host, whose peer address (127.0.0.1) says nothing about the client.
 */
export function metricsNetwork(cidrs: readonly string[], trustProxy: boolean): (req: Request) => boolean {
  if (cidrs.length === 0) return () => false;
  const allowed = new BlockList();
  for (const c of cidrs) {
    const [net, bits] = c.split('/') as [string, string];
    allowed.addSubnet(net, Number(bits), isIPv4(net) ? 'ipv4' : 'ipv6');
  }
  return (req) => {
    if (!trustProxy && (req.get('x-forwarded-for') !== undefined || req.get('forwarded') !== undefined)) return false;
    const ip = unmapped(req.ip ?? req.socket.remoteAddress ?? '');
    if (ip === '') return false;
    try {
      return allowed.check(ip, isIPv4(ip) ? 'ipv4' : 'ipv6');
    } catch {
      return false;
    }
  };
}

/** `::ffff:10.1.2.3` (an IPv4 client on a dual-stack socket) is checked as 10.1.2.3. */
function unmapped(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1]! : ip;
}
