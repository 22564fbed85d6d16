import { createHmac } from 'node:crypto';
import { heading, sourceLabel, timeText, type AlertMessage } from '../message.js';
import { optStr, str, type Channel } from './channel.js';
import { errcodeOk, postJson } from './http-post.js';

/**
 * DingTalk (钉钉) group robot, "custom robot" webhook: POST {url}?access_token=…, a `markdown`
 * message ({msgtype, markdown: {title, text}, at}). With 加签 (a signing secret "SEC…"):
 * sign = base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)), URL-encoded, sent as
 * `&timestamp=<ms>&sign=<sign>`; DingTalk refuses a timestamp more than an hour off. Answer
 * `{errcode: 0, errmsg: "ok"}` (errcode ≠ 0 on errors, with HTTP 200).
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

export function dingtalkBody(m: AlertMessage, timeZone: string): object {
  const title = heading(m);
  // DingTalk markdown: headings, bold, links; a line break needs a blank line or two trailing spaces.
  const text = [`### ${title}`, '', m.body.replace(/\n/g, '  \n'), '', `> ${sourceLabel(m)}：${m.ruleName} · 时间：${timeText(m.at, timeZone)}`, '', `[查看详情](${m.link})`].join('\n');
  return { msgtype: 'markdown', markdown: { title, text }, at: { atMobiles: [], isAtAll: m.severity === 'critical' } };
}

export const dingtalk: Channel = {
  async send(cfg, m, ctx) {
    const url = new URL(str(cfg, 'url'));
    const secret = optStr(cfg, 'secret');
    if (secret) {
      const ts = ctx.now();
      url.searchParams.set('timestamp', String(ts));
      url.searchParams.set('sign', dingtalkSign(secret, ts));
    }
    return postJson(url.toString(), JSON.stringify(dingtalkBody(m, ctx.timeZone)), { timeoutMs: ctx.timeoutMs, platformOk: errcodeOk });
  },
};
