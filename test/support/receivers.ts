import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * Stand-ins for the chat robots, a generic webhook and an SMTP server, on free local ports. Each
 * robot endpoint checks what the real platform checks (DingTalk's and Feishu's signatures, the
 * message shape) and answers in that platform's way, so a wrong signature fails the delivery exactly
 * as it would in production.
 */
export interface Received {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  raw: string;
  body: Record<string, unknown>;
  /** Why the receiver refused it, or null when it is valid for that platform. */
  problem: string | null;
}

export interface HttpReceiver {
  url: string;
  received: Received[];
  /** The next `n` requests to `path` get a 500. */
  failNext(path: string, n: number): void;
  on(path: string): Received[];
  close(): Promise<void>;
}

const SECRETS = { dingtalk: 'SECdingtalk-test-secret', feishu: 'feishu-test-secret', webhook: 'webhook-test-secret' };
export const RECEIVER_SECRETS = SECRETS;

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function check(path: string, q: URLSearchParams, headers: IncomingMessage['headers'], raw: string, body: Record<string, unknown>): string | null {
  if (path.startsWith('/dingtalk')) {
    if (!q.get('access_token')) return 'no access_token';
    const ts = q.get('timestamp') ?? '';
    const sign = q.get('sign') ?? '';
    if (Math.abs(Date.now() - Number(ts)) > 3_600_000 * 24 * 30) return 'timestamp too far';
    const want = createHmac('sha256', SECRETS.dingtalk).update(`${ts}\n${SECRETS.dingtalk}`).digest('base64');
    if (!same(sign, want)) return 'bad sign';
    const md = body.markdown as { title?: unknown; text?: unknown } | undefined;
    if (body.msgtype !== 'markdown' || typeof md?.title !== 'string' || typeof md.text !== 'string') return 'not a markdown message';
    return null;
  }
  if (path.startsWith('/wecom')) {
    const md = body.markdown as { content?: unknown } | undefined;
    if (!q.get('key')) return 'no key';
    if (body.msgtype !== 'markdown' || typeof md?.content !== 'string' || Buffer.byteLength(md.content) > 4096) return 'not a markdown message';
    return null;
  }
  if (path.startsWith('/feishu')) {
    const ts = String(body.timestamp ?? '');
    const want = createHmac('sha256', `${ts}\n${SECRETS.feishu}`).update('').digest('base64');
    if (typeof body.sign !== 'string' || !same(body.sign, want)) return 'bad sign';
    const post = (body.content as { post?: { zh_cn?: { title?: unknown; content?: unknown } } } | undefined)?.post?.zh_cn;
    if (body.msg_type !== 'post' || typeof post?.title !== 'string' || !Array.isArray(post.content)) return 'not a post message';
    return null;
  }
  // Generic webhooks: the HMAC of timestamp + "." + body.
  const ts = String(headers['x-yuqing-timestamp'] ?? '');
  const want = `sha256=${createHmac('sha256', SECRETS.webhook).update(`${ts}.${raw}`).digest('hex')}`;
  if (!same(String(headers['x-yuqing-signature'] ?? ''), want)) return 'bad signature';
  return null;
}

export async function startHttpReceiver(): Promise<HttpReceiver> {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const left = failures.get(u.pathname) ?? 0;
      if (left > 0) {
        failures.set(u.pathname, left - 1);
        res.writeHead(500).end('temporarily broken');
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        // Left empty: check() reports the shape problem.
      }
      const problem = check(u.pathname, u.searchParams, req.headers, raw, body);
      received.push({ path: u.pathname, query: u.searchParams, headers: req.headers, raw, body, problem });
      res.setHeader('content-type', 'application/json');
      // Each platform's own answer, success or refusal, with HTTP 200 as they do.
      if (u.pathname.startsWith('/dingtalk') || u.pathname.startsWith('/wecom')) res.end(JSON.stringify(problem ? { errcode: 310000, errmsg: problem } : { errcode: 0, errmsg: 'ok' }));
      else if (u.pathname.startsWith('/feishu')) res.end(JSON.stringify(problem ? { code: 19021, msg: problem } : { code: 0, msg: 'success', data: {} }));
      else if (problem) res.writeHead(401).end(JSON.stringify({ error: problem }));
      else res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    failNext: (p, n) => failures.set(p, n),
    on: (p) => received.filter((r) => r.path === p),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface Mail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpReceiver {
  port: number;
  mails: Mail[];
  user: string;
  password: string;
  close(): Promise<void>;
}

/** A local SMTP server (smtp-server) that requires AUTH and keeps every message. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: Mail[] = [];
  const user = 'alerts';
  const password = 'smtp-test-password';
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === password) cb(null, { user });
      else cb(new Error('invalid credentials'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, user, password, close: () => new Promise((r) => server.close(() => r())) };
}
