import nodemailer from 'nodemailer';
import { heading, timeText, type AlertMessage } from '../message.js';
import { DeliveryError, optStr, str, type Channel } from './channel.js';

/** E-mail over SMTP (nodemailer): a plain-text and an HTML part, the link in both, and a report's files attached. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function emailContent(m: AlertMessage, timeZone: string): { subject: string; text: string; html: string } {
  const subject = heading(m);
  const footer = `${m.reason === 'report' ? '来源 Source' : '规则 Rule'}: ${m.ruleName}\n时间 Time: ${timeText(m.at, timeZone)}`;
  const text = `${m.body}\n\n${footer}\n\n${m.link}\n`;
  const html = `<h3>${escapeHtml(subject)}</h3><p>${escapeHtml(m.body).replace(/\n/g, '<br>')}</p><p style="color:#555">${escapeHtml(footer).replace(/\n/g, '<br>')}</p><p><a href="${escapeHtml(m.link)}">查看详情 / Open</a></p>`;
  return { subject, text, html };
}

export const email: Channel = {
  async send(cfg, m, ctx) {
    const user = optStr(cfg, 'user');
    const password = optStr(cfg, 'password');
    const transport = nodemailer.createTransport({
      host: str(cfg, 'host'),
      port: typeof cfg.port === 'number' ? cfg.port : 587,
      secure: cfg.secure === true,
      ...(user ? { auth: { user, pass: password ?? '' } } : {}),
      connectionTimeout: ctx.timeoutMs,
      greetingTimeout: ctx.timeoutMs,
      socketTimeout: ctx.timeoutMs,
    });
    try {
      const to = Array.isArray(cfg.to) ? cfg.to.filter((x): x is string => typeof x === 'string') : [];
      const attachments = m.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }));
      await transport.sendMail({ from: str(cfg, 'from'), to, ...emailContent(m, ctx.timeZone), ...(attachments ? { attachments } : {}) });
      return 250;
    } catch (err) {
      const e = err as { responseCode?: number; message: string };
      // 5xx SMTP replies are permanent (bad recipient, refused auth); 4xx and network errors are worth retrying.
      throw new DeliveryError(e.message, e.responseCode ?? null, !(e.responseCode && e.responseCode >= 500));
    } finally {
      transport.close();
    }
  },
};
