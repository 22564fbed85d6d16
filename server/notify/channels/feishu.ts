import { createHmac } from 'node:crypto';
import { heading, sourceLabel, timeText, type AlertMessage } from '../message.js';
import { optStr, str, type Channel } from './channel.js';
import { postJson } from './http-post.js';

/**
 * Feishu (飞书) custom bot: POST https://open.feishu.cn/open-apis/bot/v2/hook/…, a rich-text `post`
 * message ({msg_type: "post", content: {post: {zh_cn: {title, content: [[elements]]}}}}). With 签名
 * 校验: the body also carries `timestamp` (seconds, as a string) and
 * sign = base64(HmacSHA256(key = timestamp + "\n" + secret, message = "")) — unlike DingTalk the
 * string is the key and the message is empty. Answer `{code: 0, msg: "success"}` (older bots:
 * `StatusCode: 0`), `code` ≠ 0 (e.g. 19021 bad signature) with HTTP 200.
 */
export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update('').digest('base64');
}

export function feishuBody(m: AlertMessage, timeZone: string): Record<string, unknown> {
  const lines = m.body.split('\n').map((l) => [{ tag: 'text', text: l }]);
  return {
    msg_type: 'post',
    content: {
      post: {
        zh_cn: {
          title: heading(m),
          content: [...lines, [{ tag: 'text', text: `${sourceLabel(m)}：${m.ruleName} · 时间：${timeText(m.at, timeZone)}` }], [{ tag: 'a', text: '查看详情', href: m.link }]],
        },
      },
    },
  };
}

function feishuOk(answer: unknown): string | null {
  const a = answer as { code?: unknown; StatusCode?: unknown; msg?: unknown } | null;
  return a && (a.code === 0 || a.StatusCode === 0) ? null : `bot refused: code ${String(a?.code)} ${String(a?.msg ?? '')}`;
}

export const feishu: Channel = {
  async send(cfg, m, ctx) {
    const body = feishuBody(m, ctx.timeZone);
    const secret = optStr(cfg, 'secret');
    if (secret) {
      const ts = Math.floor(ctx.now() / 1000);
      body.timestamp = String(ts);
      body.sign = feishuSign(secret, ts);
    }
    return postJson(str(cfg, 'url'), JSON.stringify(body), { timeoutMs: ctx.timeoutMs, platformOk: feishuOk });
  },
};
