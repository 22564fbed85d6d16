import { describe, expect, it } from 'vitest';
import { dingtalkBody } from '../../../server/notify/channels/dingtalk.js';
import { feishuBody } from '../../../server/notify/channels/feishu.js';
import { wecomBody } from '../../../server/notify/channels/wecom.js';
import type { AlertMessage } from '../../../server/notify/message.js';

const TZ = 'Asia/Shanghai';
const report: AlertMessage = {
  alertId: null,
  ruleName: '舆情日报 2026-01-07',
  severity: 'info',
  title: '某市公安局网络舆情日报（2026-01-07）',
  body: '全天共监测到相关信息 1,234 条。',
  link: 'https://yuqing.example/api/v1/reports/archive/3',
  at: Date.UTC(2026, 0, 7, 23, 30),
  reason: 'report',
};
const alert: AlertMessage = { ...report, alertId: 9, ruleName: '袭警关键词', severity: 'critical', title: '袭警', reason: 'alert' };

/** The line of each robot's message that names where it comes from. */
function sourceLines(m: AlertMessage): string[] {
  const ding = (dingtalkBody(m, TZ) as { markdown: { text: string } }).markdown.text;
  const wecom = (wecomBody(m, TZ) as { markdown: { content: string } }).markdown.content;
  const feishu = JSON.stringify(feishuBody(m, TZ));
  return [ding, wecom, feishu].map((s) => s.match(/(规则|来源)：[^·\n<"]*/)?.[0] ?? '(none)');
}

describe('robot messages name a report’s source and an alert’s rule', () => {
  it('labels a scheduled report’s line 来源 (source) on DingTalk, WeCom and Feishu', () => {
    expect(sourceLines(report)).toEqual(['来源：舆情日报 2026-01-07 ', '来源：', '来源：舆情日报 2026-01-07 ']);
  });

  it('keeps 规则 (rule) for an alert', () => {
    expect(sourceLines(alert).map((l) => l.slice(0, 3))).toEqual(['规则：', '规则：', '规则：']);
  });

  it('still cuts a long report for WeCom above the source line and keeps the link', () => {
    const long = { ...report, body: Array.from({ length: 400 }, (_, i) => `第 ${i} 行：评估文字`).join('\n') };
    const content = (wecomBody(long, TZ) as { markdown: { content: string } }).markdown.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content).toContain('…\n> 来源：');
    expect(content.endsWith(`[查看详情](${report.link})`)).toBe(true);
  });
});
