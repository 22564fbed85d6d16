import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../shared/config/env.js';

describe('configuration', () => {
  it('applies documented defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', YUQING_DEMO: true, YUQING_TIMEZONE: 'Asia/Shanghai' });
    expect(env.REDIS_URL).toBeUndefined();
  });
  it('treats empty values as unset and reads YUQING_DEMO=0 as off', () => {
    expect(parseEnv({ PORT: '', YUQING_DEMO: '0' })).toMatchObject({ PORT: 3000, YUQING_DEMO: false });
  });
  it('stops with every invalid setting named', () => {
    expect(() => parseEnv({ PORT: 'eighty', REDIS_URL: 'http://x', YUQING_INGEST_TOKEN: 'short' })).toThrow(ConfigError);
    try {
      parseEnv({ PORT: 'eighty', REDIS_URL: 'http://x', YUQING_INGEST_TOKEN: 'short' });
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/REDIS_URL/);
      expect(msg).toMatch(/YUQING_INGEST_TOKEN must be at least 12/);
    }
  });
  it('keeps every mention unless YUQING_RETENTION_DAYS is a whole number of days', () => {
    expect(parseEnv({}).YUQING_RETENTION_DAYS).toBeUndefined();
    expect(parseEnv({ YUQING_RETENTION_DAYS: '30' }).YUQING_RETENTION_DAYS).toBe(30);
    for (const bad of ['0', '-1', '1.5', 'month']) expect(() => parseEnv({ YUQING_RETENTION_DAYS: bad })).toThrow(/YUQING_RETENTION_DAYS/);
  });
  it('takes a PostgreSQL or sqlite: DATABASE_URL and names anything else', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://u:p@db:5432/yuqing' }).DATABASE_URL).toBe('postgres://u:p@db:5432/yuqing');
    expect(parseEnv({ DATABASE_URL: 'sqlite:/var/lib/yuqing.db' }).DATABASE_URL).toBe('sqlite:/var/lib/yuqing.db');
    for (const bad of ['mysql://db/yuqing', 'yuqing.db']) expect(() => parseEnv({ DATABASE_URL: bad })).toThrow(/DATABASE_URL must be/);
  });
  it('reads YUQING_METRICS_ALLOW as networks (loopback by default, none for none) and names a bad entry', () => {
    expect(parseEnv({}).YUQING_METRICS_ALLOW).toEqual(['127.0.0.0/8', '::1/128']);
    expect(parseEnv({ YUQING_METRICS_ALLOW: 'none' }).YUQING_METRICS_ALLOW).toEqual([]);
    expect(parseEnv({ YUQING_METRICS_ALLOW: '10.0.0.0/8, 192.168.1.5,fd00::/8' }).YUQING_METRICS_ALLOW).toEqual(['10.0.0.0/8', '192.168.1.5/32', 'fd00::/8']);
    for (const bad of ['10.0.0.0/33', 'prometheus.local', '10.0.0.0/8,nonsense', ' , ']) expect(() => parseEnv({ YUQING_METRICS_ALLOW: bad })).toThrow(/YUQING_METRICS_ALLOW/);
  });
});
