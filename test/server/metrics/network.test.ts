import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { metricsNetwork } from '../../../server/metrics/network.js';
import { parsePrometheusText } from '../../support/prometheus-text.js';

const req = (ip: string, headers: Record<string, string> = {}) => ({ ip, socket: {}, get: (n: string) => headers[n.toLowerCase()] }) as unknown as Request;

describe('the metrics allow-list', () => {
  it('matches IPv4 and IPv6 networks, IPv4 clients on a dual-stack socket, and nothing else', () => {
    const allowed = metricsNetwork(['127.0.0.0/8', '::1/128', '10.0.0.0/8', 'fd00::/8'], false);
    for (const ip of ['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1', '10.200.0.3', 'fd12::7']) expect(allowed(req(ip)), ip).toBe(true);
    for (const ip of ['11.0.0.1', '192.168.1.1', '::2', 'fe80::1', '::ffff:11.0.0.1', '']) expect(allowed(req(ip)), ip).toBe(false);
    expect(metricsNetwork([], false)(req('127.0.0.1'))).toBe(false);
  });

  it('gives no network access to a forwarded request unless a proxy is trusted (then req.ip is the forwarded client)', () => {
    const untrusted = metricsNetwork(['127.0.0.0/8'], false);
    expect(untrusted(req('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }))).toBe(false);
    expect(untrusted(req('127.0.0.1', { forwarded: 'for=203.0.113.9' }))).toBe(false);
    const trusted = metricsNetwork(['10.0.0.0/8'], true);
    expect(trusted(req('10.1.1.1', { 'x-forwarded-for': '10.1.1.1' }))).toBe(true);
    expect(trusted(req('203.0.113.9', { 'x-forwarded-for': '203.0.113.9' }))).toBe(false);
  });
});

describe('the Prometheus text reader the tests use', () => {
  it('reads families and samples, and refuses what breaks the format', () => {
    const s = parsePrometheusText('# HELP a_total A.\n# TYPE a_total counter\na_total{k="v",q="x\\"y"} 3\n# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_sum 1.5\nh_count 2\n');
    expect(s.sum('a_total', { k: 'v' })).toBe(3);
    expect(s.find('a_total')[0]?.labels.q).toBe('x"y');
    expect(s.sum('h_count')).toBe(2);
    expect(() => parsePrometheusText('b 1\n')).toThrow(/undeclared/);
    expect(() => parsePrometheusText('# TYPE a gauge\n# TYPE a gauge\n')).toThrow(/twice/);
    expect(() => parsePrometheusText('# TYPE a gauge\na{k=v} 1\n')).toThrow(/labels/);
    expect(() => parsePrometheusText('# TYPE a gauge\na one\n')).toThrow(/value/);
  });
});
