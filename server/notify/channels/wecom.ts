import { heading, timeText, type AlertMessage } from '../message.js';
import { str, type Channel } from './channel.js';
import { errcodeOk, postJson } from './http-post.js';

/**
 * WeCom (企业微信) group robot: POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…, a
 * `markdown` message ({msgtype, markdown: {content}}, content ≤ 4096 bytes UTF-8; <font
 * color="warning|info|comment"> is its colour syntax). No signature: the key in the URL is the
 * secret. Answer `{errcode: 0, errmsg: "ok"}`.
 */
const COLOUR = { info: 'info', warning: 'warning', critical: 'warning' } as const;
const MAX_BYTES = 4096;

export function wecomBody(m: AlertMessage, timeZone: string): object {
  let content = [
    `### <font color="${COLOUR[m.severity]}">${heading(m)}</font>`,
    m.body,
    `> 规则：<font color="comment">${m.ruleName}</font>`,
    `> 时间：<font color="comment">${timeText(m.at, timeZone)}</font>`,
    `[查看详情](${m.link})`,
  ].join('\n');
  // Cut the body, never the link, when a long text would break the 4096-byte limit.
  while (Buffer.byteLength(content) > MAX_BYTES) content = content.replace(/\n[^\n]*\n(> 规则)/, (_s, tail: string) => `\n…\n${tail}`);
  return { msgtype: 'markdown', markdown: { content } };
}

export const wecom: Channel = {
  async send(cfg, m, ctx) {
    return postJson(str(cfg, 'url'), JSON.stringify(wecomBody(m, ctx.timeZone)), { timeoutMs: ctx.timeoutMs, platformOk: errcodeOk });
  },
};
