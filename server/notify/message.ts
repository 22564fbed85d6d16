import type { AlertSeverity } from '../../shared/contracts/alerts.js';

/** A file sent with a message; only e-mail carries files (robots get the link). */
export interface MessageAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What every channel formats: one alert (or a test message, or a scheduled report), already in words. */
export interface AlertMessage {
  alertId: number | null;
  ruleName: string;
  severity: AlertSeverity;
  title: string;
  body: string;
  /** Absolute when the server knows its public address (YUQING_PUBLIC_URL), else a dashboard path. */
  link: string;
  at: number;
  /** 'escalation': nobody acknowledged in time; 'test': the "send test" button; 'report': a scheduled 日报/周报 (server/notify/outbound.ts). */
  reason: 'alert' | 'escalation' | 'test' | 'report';
  attachments?: readonly MessageAttachment[];
}

const SEVERITY_ZH: Record<AlertSeverity, string> = { info: '提示', warning: '预警', critical: '紧急' };

/** The heading all chat robots show: severity, escalation mark, title. */
export function heading(m: AlertMessage): string {
  // A report's title already says what it is (…网络舆情日报); a severity tag would misread it as an alert.
  if (m.reason === 'report') return m.title;
  const tag = m.reason === 'test' ? '【测试】' : m.reason === 'escalation' ? '【升级·无人确认】' : '';
  return `${tag}【${SEVERITY_ZH[m.severity]}】${m.title}`;
}

/** What the robots call the line naming where a message comes from: an alert's rule, a report's source (as the e-mail footer does). */
export function sourceLabel(m: AlertMessage): string {
  return m.reason === 'report' ? '来源' : '规则';
}

export function timeText(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(at);
}
