import type { AlertsDict } from './alerts-zh.js';

export const alertsEn: AlertsDict = {
  bell: (n: number) => (n > 0 ? `${n} unread alerts` : 'No unread alerts'),
  title: 'Alerts',
  none: 'No unread alerts',
  open: 'Open',
  ack: 'Acknowledge',
  needName: 'Type your name on the incidents page first',
  severity: { info: 'Info', warning: 'Warning', critical: 'Critical' },
};
