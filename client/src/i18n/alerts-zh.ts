/** Strings of the alert bell (zh); alerts-en.ts has the same keys. */
export const alertsZh = {
  bell: (n: number) => (n > 0 ? `${n} 条未读预警` : '没有未读预警'),
  title: '预警',
  none: '没有未读预警',
  open: '查看',
  ack: '确认',
  needName: '请先在事件页填写值班人姓名',
  severity: { info: '提示', warning: '预警', critical: '紧急' } as Record<string, string>,
};
export type AlertsDict = typeof alertsZh;
