import type { ReportDeliveryView } from '../../../shared/contracts/report-subscriptions.js';

/** Strings of the report delivery page (which contact points receive the scheduled reports, and what was sent). */
export interface ReportDeliveryDict {
  nav: string;
  title: string;
  intro: string;
  subscriptions: string;
  empty: string;
  add: string;
  edit: (name: string) => string;
  save: string;
  cancel: string;
  contactPoint: string;
  choose: string;
  noContactPoints: string;
  reports: string;
  /** Between the names of the reports a subscription receives. */
  listJoin: string;
  daily: string;
  weekly: string;
  lang: string;
  langName: { zh: string; en: string };
  saved: string;
  editButton: string;
  remove: string;
  removeConfirm: (name: string) => string;
  removed: string;
  cols: { contactPoint: string; kind: string; reports: string; lang: string; updated: string; actions: string };
  kinds: Record<string, string>;
  updatedBy: (when: string, who: string) => string;
  log: string;
  logIntro: string;
  logEmpty: string;
  logCols: { period: string; report: string; contactPoint: string; lang: string; status: string; attempts: string; finished: string; error: string };
  status: Record<ReportDeliveryView['status'], string>;
  deleted: string;
}

export const reportDeliveryZh: ReportDeliveryDict = {
  nav: '报告推送',
  title: '日报周报推送',
  intro: '日报、周报按时生成后，推送给下列联系点：邮件附带 Word 和 PDF 文件，钉钉、企业微信、飞书机器人和 Webhook 收到评估文字和 PDF 链接。每个联系点每种语言一条订阅；站内联系点不能订阅（报告档案即站内副本）。',
  subscriptions: '订阅',
  empty: '还没有联系点订阅报告。',
  add: '新增订阅',
  edit: (n) => `修改“${n}”的订阅`,
  save: '保存',
  cancel: '取消',
  contactPoint: '联系点',
  choose: '— 请选择 —',
  noContactPoints: '还没有可以接收报告的联系点，请先在联系点管理中新建（邮件、机器人或 Webhook）。',
  reports: '接收',
  listJoin: '、',
  daily: '日报',
  weekly: '周报',
  lang: '语言',
  langName: { zh: '中文', en: '英文' },
  saved: '已保存',
  editButton: '修改',
  remove: '删除',
  removeConfirm: (n) => `删除后“${n}”不再收到报告。确定删除？`,
  removed: '已删除',
  cols: { contactPoint: '联系点', kind: '类型', reports: '接收', lang: '语言', updated: '最后修改', actions: '操作' },
  kinds: { email: '邮件', dingtalk: '钉钉机器人', wecom: '企业微信机器人', feishu: '飞书机器人', webhook: 'Webhook', in_app: '站内' },
  updatedBy: (when, who) => `${when}（${who}）`,
  log: '推送记录',
  logIntro: '每个联系点、每一期报告只推送一次；失败的推送不会自动重发。',
  logEmpty: '还没有推送过报告。',
  logCols: { period: '期间', report: '报告', contactPoint: '联系点', lang: '语言', status: '结果', attempts: '尝试次数', finished: '完成时间', error: '错误' },
  status: { sending: '发送中', sent: '已发送', failed: '失败', gone: '联系点已删除' },
  deleted: '（已删除）',
};
