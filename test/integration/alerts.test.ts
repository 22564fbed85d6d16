import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertDeliveryView, AlertView, ContactPointView } from '../../shared/contracts/alerts.js';
import { makeMentions, minutesAgoIso } from '../fixtures/mentions.js';
import { RECEIVER_SECRETS, startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from '../support/receivers.js';
import { BACKENDS, createTestDatabase, stopTestCluster } from '../support/stores.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

/**
 * Alerts end to end: mentions posted through the real API and tagged by a real worker trigger a
 * keyword rule (counted by the worker in its batch transaction) and a volume surge (from the
 * per-minute rollup); the evaluator (on a fast timer, with an injected clock) raises one alert per
 * episode and the outbox delivers it to local stand-ins for DingTalk, WeCom, Feishu, a webhook and
 * an SMTP server, each checking its platform's signature and message shape. On each backend.
 */

/** Quiet hours around the current local (Asia/Shanghai) time, so "now" is quiet. */
function quietNow(): { start: string; end: string } {
  const h = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(Date.now()));
  const pad = (x: number) => String((x + 24) % 24).padStart(2, '0') + ':00';
  return { start: pad(h - 1), end: pad(h + 2) };
}

/** The text/plain part of a MIME message, decoded (nodemailer picks quoted-printable or base64). */
function plainText(raw: string): string {
  const m = /Content-Type: text\/plain[^]*?Content-Transfer-Encoding: (\S+)\r?\n\r?\n([^]*?)\r?\n--/i.exec(raw);
  if (!m) return raw;
  const [, enc, data] = m as unknown as [string, string, string];
  if (enc.toLowerCase() === 'base64') return Buffer.from(data.replace(/\s+/g, ''), 'base64').toString('utf8');
  const bytes = data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_s, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

const settle = () => new Promise((r) => setTimeout(r, 1500));

afterAll(() => stopTestCluster());

describe.each(BACKENDS)('alerts (%s)', (backend) => {
  let sys: TestSystem;
  let http: HttpReceiver;
  let smtp: SmtpReceiver;
  let offset = 0;
  const now = () => Date.now() + offset;

  beforeAll(async () => {
    http = await startHttpReceiver();
    smtp = await startSmtpReceiver();
    const databaseUrl = backend === 'postgres' ? await createTestDatabase() : undefined;
    sys = await startSystem({
      ...(databaseUrl ? { databaseUrl } : {}),
      // Mentions are dated by the injected clock, which runs up to 11 minutes ahead of the real one.
      env: { YUQING_MAX_FUTURE_MINUTES: '30' },
      notify: { now, intervalMs: 250, deliveryPollMs: 100, baseDelayMs: 20, attempts: 5, timeoutMs: 3000, publicUrl: 'http://yuqing.example' },
    });
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
    await http?.close();
    await smtp?.close();
  });

  const admin = (method: string, path: string, body?: unknown) =>
    sys.fetch(`/api/v1${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function create<T>(path: string, body: unknown): Promise<T> {
    const res = await admin('POST', path, body);
    const out = (await res.json()) as T;
    expect(res.status, JSON.stringify(out)).toBe(201);
    return out;
  }

  it('delivers one alert per episode to each receiver in its format, with retries, quiet hours and escalation', async () => {
    const cp = {
      dingtalk: await create<ContactPointView>('/contact-points', { kind: 'dingtalk', name: '值班群（钉钉）', url: `${http.url}/dingtalk?access_token=tok123`, secret: RECEIVER_SECRETS.dingtalk }),
      wecom: await create<ContactPointView>('/contact-points', { kind: 'wecom', name: '企业微信群', url: `${http.url}/wecom?key=key123` }),
      feishu: await create<ContactPointView>('/contact-points', { kind: 'feishu', name: '飞书群', url: `${http.url}/feishu`, secret: RECEIVER_SECRETS.feishu }),
      hook: await create<ContactPointView>('/contact-points', { kind: 'webhook', name: 'SMS gateway', url: `${http.url}/hook`, secret: RECEIVER_SECRETS.webhook }),
      email: await create<ContactPointView>('/contact-points', {
        kind: 'email',
        name: '值班邮箱',
        host: '127.0.0.1',
        port: smtp.port,
        user: smtp.user,
        password: smtp.password,
        from: 'yuqing@example.org',
        to: ['duty@example.org'],
      }),
      retry: await create<ContactPointView>('/contact-points', { kind: 'webhook', name: 'flaky', url: `${http.url}/retry`, secret: RECEIVER_SECRETS.webhook }),
      quiet: await create<ContactPointView>('/contact-points', { kind: 'webhook', name: 'night desk', url: `${http.url}/quiet`, secret: RECEIVER_SECRETS.webhook, quietHours: quietNow() }),
      escalate: await create<ContactPointView>('/contact-points', { kind: 'webhook', name: 'chief', url: `${http.url}/escalate`, secret: RECEIVER_SECRETS.webhook }),
    };
    // Secrets are never returned, only whether they are set.
    const listed = await (await admin('GET', '/contact-points')).text();
    expect(listed).not.toMatch(/tok123|key123|smtp-test-password|SECdingtalk/);
    expect(cp.dingtalk.secrets).toEqual({ url: 'set', secret: 'set' });
    expect(cp.email.secrets).toEqual({ password: 'set' });

    // "send test" reaches the receiver at once.
    const test = await admin('POST', `/contact-points/${cp.dingtalk.id}/test`);
    expect(test.status).toBe(200);
    expect(http.on('/dingtalk')).toHaveLength(1);
    expect(http.on('/dingtalk')[0]?.problem).toBeNull();
    http.received.length = 0;

    const broadcast = [cp.dingtalk.id, cp.wecom.id, cp.feishu.id, cp.hook.id, cp.email.id, cp.quiet.id];
    const keyword = await create<{ id: number; version: number }>('/alert-rules', {
      name: '袭警',
      severity: 'critical',
      condition: { kind: 'keyword', rules: [{ any: ['袭警', '襲警'] }], exclude: ['演习'] },
      contactPoints: [...broadcast, cp.retry.id],
      escalation: { afterMinutes: 10, contactPoints: [cp.escalate.id] },
      cooldownMinutes: 1,
    });
    expect(keyword.version).toBe(1);
    const surge = await create<{ id: number }>('/alert-rules', {
      name: '全部信息声量',
      severity: 'warning',
      condition: { kind: 'surge', windowMinutes: 10, minCount: 20, minRatio: 2 },
      contactPoints: broadcast,
      escalation: { afterMinutes: 10, contactPoints: [cp.escalate.id] },
      cooldownMinutes: 1,
    });
    // An invalid rule is refused with the reason.
    const bad = await admin('POST', '/alert-rules', { name: 'x', condition: { kind: 'keyword', rules: [{ none: ['a'] }] } });
    expect(bad.status).toBe(400);

    http.failNext('/retry', 2);
    const t = minutesAgoIso(0);
    const watched = [
      { id: 'kw-1', platform: 'weibo', kind: 'post', text: '网传今天有人在地铁站袭警，民警受伤', createdAt: t },
      { id: 'kw-2', platform: 'weibo', kind: 'post', text: '襲警的人已经被控制了吗', createdAt: t },
      { id: 'kw-3', platform: 'weibo', kind: 'post', text: '袭警演习今天在广场举行', createdAt: t },
    ];
    const res = await sys.postMentions([...makeMentions(25, 'bg'), ...watched]);
    expect(res.status).toBe(202);
    await sys.drained();

    const robots = ['/dingtalk', '/wecom', '/feishu', '/hook'];
    await eventually(() => (robots.every((p) => http.on(p).length === 2) && smtp.mails.length === 2 && http.on('/retry').length === 1 ? true : undefined), 'two alerts at every receiver', 20_000);
    await settle();
    // Exactly one per episode, however many ticks and mentions.
    for (const p of robots) {
      expect(http.on(p), p).toHaveLength(2);
      for (const r of http.on(p)) expect(r.problem, p).toBeNull();
    }
    expect(smtp.mails).toHaveLength(2);

    const alerts = (await sys.getJson<{ items: AlertView[]; unread: number }>('/api/v1/alerts?state=unread'));
    expect(alerts.unread).toBe(2);
    const kwAlert = alerts.items.find((a) => a.ruleId === keyword.id)!;
    const surgeAlert = alerts.items.find((a) => a.ruleId === surge.id)!;
    expect(kwAlert.title).toContain(' 2 条提及'); // the 演习 mention is excluded
    expect(kwAlert.body).toMatch(/袭警|襲警/);
    expect(kwAlert.link).toMatch(/^\/analyst\?q=/);
    expect(surgeAlert.link).toMatch(/^\/analyst\?from=/);

    // Each platform's format.
    const ding = http.on('/dingtalk').map((r) => r.body as { markdown: { title: string; text: string }; at: { isAtAll: boolean } });
    const dingKw = ding.find((d) => d.markdown.title.includes('袭警'))!;
    expect(dingKw.markdown.title).toContain('【紧急】');
    expect(dingKw.markdown.text).toContain('[查看详情](http://yuqing.example/analyst?q=');
    expect(dingKw.at.isAtAll).toBe(true);
    const wecomContent = http.on('/wecom').map((r) => (r.body as { markdown: { content: string } }).markdown.content);
    expect(wecomContent.some((c) => c.includes('声量激增') && c.includes('<font color="warning">'))).toBe(true);
    const feishuTitles = http.on('/feishu').map((r) => (r.body as { content: { post: { zh_cn: { title: string } } } }).content.post.zh_cn.title);
    expect(feishuTitles.some((x) => x.includes('袭警'))).toBe(true);
    const hookBodies = http.on('/hook').map((r) => r.body);
    expect(hookBodies).toContainEqual(expect.objectContaining({ type: 'alert', alertId: kwAlert.id, severity: 'critical', link: expect.stringContaining('http://yuqing.example/analyst') }));
    for (const r of http.on('/hook')) expect(r.headers['x-yuqing-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    for (const r of http.on('/dingtalk')) expect(r.query.get('sign')).toBeTruthy();
    const mail = smtp.mails.map((m) => ({ ...m, text: plainText(m.raw) }));
    expect(mail[0]?.to).toEqual(['duty@example.org']);
    expect(mail[0]?.from).toBe('yuqing@example.org');
    expect(mail.some((m) => m.text.includes('http://yuqing.example/analyst'))).toBe(true);
    expect(mail.some((m) => /^Subject: /m.test(m.raw))).toBe(true);

    // Retries: 500, 500, then delivered; every attempt logged.
    const kwLog = (await (await admin('GET', `/alerts/${kwAlert.id}/deliveries`)).json()) as { items: AlertDeliveryView[] };
    const retryLog = kwLog.items.filter((d) => d.contactPointId === cp.retry.id).sort((a, b) => a.attempt - b.attempt);
    expect(retryLog.map((d) => [d.attempt, d.status, d.responseCode])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 500],
      [3, 'sent', 200],
    ]);

    // Quiet hours: the warning (surge) is held back, the critical keyword alert is not.
    expect(http.on('/quiet')).toHaveLength(1);
    expect((http.on('/quiet')[0]?.body as { alertId: number }).alertId).toBe(kwAlert.id);
    const surgeLog = (await (await admin('GET', `/alerts/${surgeAlert.id}/deliveries`)).json()) as { items: AlertDeliveryView[] };
    expect(surgeLog.items.find((d) => d.contactPointId === cp.quiet.id)?.status).toBe('suppressed');

    // More matching mentions and more volume within both episodes: no new alert.
    await sys.postMentions([...makeMentions(30, 'bg2'), { id: 'kw-4', platform: 'weibo', kind: 'post', text: '又一起袭警事件？', createdAt: minutesAgoIso(0) }]);
    await sys.drained();
    await settle();
    for (const p of robots) expect(http.on(p), p).toHaveLength(2);
    expect(smtp.mails).toHaveLength(2);
    expect((await sys.getJson<{ items: AlertView[] }>('/api/v1/alerts?state=all')).items).toHaveLength(2);

    // Acknowledge the surge; 11 minutes later only the unacknowledged keyword alert escalates, once.
    const ack = await sys.fetch(`/api/v1/alerts/${surgeAlert.id}/ack`, { method: 'POST' });
    expect(ack.status).toBe(200);
    expect(((await ack.json()) as { alert: AlertView }).alert.acknowledgedBy).toBe(sys.auth.username);
    expect(http.on('/escalate')).toHaveLength(0);
    offset = 11 * 60_000;
    await eventually(() => (http.on('/escalate').length >= 1 ? true : undefined), 'escalation', 10_000);
    await settle();
    expect(http.on('/escalate')).toHaveLength(1);
    expect(http.on('/escalate')[0]?.body).toMatchObject({ escalation: true, alertId: kwAlert.id });

    // Both episodes ended (false for longer than their 1-minute cool-down): a new surge and a new
    // keyword mention, dated by the moved clock, are new episodes and new alerts.
    await eventually(async () => {
      const all = await sys.getJson<{ items: AlertView[] }>('/api/v1/alerts');
      const ended = (id: number) => all.items.find((a) => a.id === id)?.resolvedAt;
      return ended(kwAlert.id) && ended(surgeAlert.id) ? true : undefined;
    }, 'both episodes resolved', 10_000);
    await sys.postMentions([...makeMentions(25, 'bg3', now()), { id: 'kw-5', platform: 'weibo', kind: 'post', text: '袭警者今天被判刑', createdAt: minutesAgoIso(0, now()) }]);
    await sys.drained();
    await eventually(() => (http.on('/dingtalk').length === 4 ? true : undefined), 'a second surge and a second keyword episode', 10_000);
    await settle();
    expect(http.on('/dingtalk')).toHaveLength(4);
    const all = await sys.getJson<{ items: AlertView[]; unread: number }>('/api/v1/alerts?state=all');
    expect(all.items.filter((a) => a.ruleId === surge.id)).toHaveLength(2);
    expect(all.items.filter((a) => a.ruleId === keyword.id)).toHaveLength(2);
    expect(all.unread).toBe(3);

    // Rules are versioned: an edit is version 2, with who and when.
    const put = await admin('PUT', `/alert-rules/${keyword.id}`, { name: '袭警（含英文）', severity: 'critical', condition: { kind: 'keyword', rules: [{ any: ['袭警', 'assault on police'] }] } });
    expect(put.status).toBe(200);
    const versions = (await (await admin('GET', `/alert-rules/${keyword.id}/versions`)).json()) as { items: { version: number; by: string }[] };
    expect(versions.items.map((v) => [v.version, v.by])).toEqual([
      [2, sys.auth.username],
      [1, sys.auth.username],
    ]);
  });
});
