import type { ContactPointKind } from '../../../shared/contracts/alerts.js';
import type { Channel } from './channel.js';
import { dingtalk } from './dingtalk.js';
import { email } from './email.js';
import { feishu } from './feishu.js';
import { webhook } from './webhook.js';
import { wecom } from './wecom.js';

/** In-app needs no channel: every alert is stored and pushed to dashboards whatever its contact points. */
const inApp: Channel = { send: async () => 200 };

export const CHANNELS: Record<ContactPointKind, Channel> = { in_app: inApp, dingtalk, wecom, feishu, webhook, email };
