import { heading, sourceLabel, timeText, type AlertMessage } from '../message.js';
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
  const head = `### <font color="${COLOUR[m.severity]}">${heading(m)}</font>`;
  const foot = [`> ${sourceLabel(m)}：<font color="comment">${m.ruleName}</font>`, `> 时间：<font color="comment">${timeText(m.at, timeZone)}</font>`, `[查看详情](${m.link})`];
  const lines = m.body.split('\n');
  const compose = (body: string[]) => [head, ...body, ...foot].join('\n');
  let content = compose(lines);
  // Cut the body from its end, never the source line or the link, when a long text would break the
  // 4096-byte limit. (Replacing the last line with "…" in place looped for ever once it was "…".)
  for (let keep = lines.length - 1; Buffer.byteLength(content) > MAX_BYTES && keep >= 0; keep--) content = compose([...lines.slice(0, keep), '…']);
  return { msgtype: 'markdown', markdown: { content } };
}

export const wecom: Channel = {
  async send(cfg, m, ctx) {
    return postJson(str(cfg, 'url'), JSON.stringify(wecomBody(m, ctx.timeZone)), { timeoutMs: ctx.timeoutMs, platformOk: errcodeOk });
  },
};
