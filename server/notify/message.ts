import type { AlertSeverity } from '../../shared/contracts/alerts.js';

/** What every channel formats: one alert (or a test message), already in words. */
export interface AlertMessage {
  alertId: number | null;
  ruleName: string;
  severity: AlertSeverity;
  title: string;
  body: string;
  /** Absolute when the server knows its public address (YUQING_PUBLIC_URL), else a dashboard path. */
  link: string;
  at: number;
  /** 'escalation': nobody acknowledged in time; 'test': the "send test" button. */
  reason: 'alert' | 'escalation' | 'test';
}

const SEVERITY_ZH: Record<AlertSeverity, string> = { info: '提示', warning: '预警', critical: '紧急' };

/** The heading all chat robots show: severity, escalation mark, title. */
export function heading(m: AlertMessage): string {
  const tag = m.reason === 'test' ? '【测试】' : m.reason === 'escalation' ? '【升级·无人确认】' : '';
  return `${tag}【${SEVERITY_ZH[m.severity]}】${m.title}`;
}

export function timeText(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(at);
}
