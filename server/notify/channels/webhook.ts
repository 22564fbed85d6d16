import { createHmac } from 'node:crypto';
import type { AlertMessage } from '../message.js';
import { optStr, str, type Channel } from './channel.js';
import { postJson } from './http-post.js';

/**
 * Generic JSON webhook (an SMS gateway, a ticket system…): the alert as JSON. With a secret, the
 * receiver can check `X-Yuqing-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`
 * and `X-Yuqing-Timestamp` (ms): the timestamp inside the signed string stops a replay of an old
 * body (the same scheme as Stripe's and Slack's). Any 2xx is success.
 */
export const SIGNATURE_HEADER = 'x-yuqing-signature';
export const TIMESTAMP_HEADER = 'x-yuqing-timestamp';

export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookBody(m: AlertMessage): object {
  return {
    type: m.reason === 'test' ? 'test' : m.reason === 'report' ? 'report' : 'alert',
    escalation: m.reason === 'escalation',
    alertId: m.alertId,
    rule: m.ruleName,
    severity: m.severity,
    title: m.title,
    body: m.body,
    link: m.link,
    at: new Date(m.at).toISOString(),
  };
}

export const webhook: Channel = {
  async send(cfg, m, ctx) {
    const body = JSON.stringify(webhookBody(m));
    const secret = optStr(cfg, 'secret');
    const ts = ctx.now();
    const headers: Record<string, string> = { [TIMESTAMP_HEADER]: String(ts) };
    if (secret) headers[SIGNATURE_HEADER] = webhookSignature(secret, ts, body);
    return postJson(str(cfg, 'url'), body, { timeoutMs: ctx.timeoutMs, headers });
  },
};
