import type { DemoAuthor, OfficialKey } from './authors.js';
import { BIG_V, OFFICIAL } from './authors.js';
import type { Draft } from './draft.js';
import { postMetrics } from './draft.js';
import { fillTemplate } from './fill.js';
import type { Theme } from './lexicon.js';
import { intBetween, pick, rngFor } from './random.js';

/**
 * Regular posts by official accounts and big-V media accounts, one per slot, at a second within the
 * slot that depends on (seed, slot). Background replies and reposts hang under the latest one, so
 * threads exist without any state carried between seconds.
 */
export const OFFICIAL_SLOT_SECONDS = 600;
export const BIG_V_SLOT_SECONDS = 420;

const OFFICIAL_TEMPLATES: ReadonlyArray<{ account: OfficialKey; theme: Theme; text: string }> = [
  { account: 'police', theme: 'traffic', text: '【警情通报】{time}，{district}{road}发生一起两车相撞交通事故，造成{n}人受伤，伤者已送医救治，无生命危险。事故原因正在调查中。' },
  { account: 'police', theme: 'order', text: '【警情通报】{district}{community}盗窃电动车案告破，犯罪嫌疑人{surname}某（男，{age}岁）已被刑事拘留，追回被盗车辆{n}辆。' },
  { account: 'police', theme: 'missing', text: '【寻人】{oldAge}岁老人{surname}某于{time}在{place}附近走失，身穿{colour}上衣。如有线索请拨打110。#江城寻人#' },
  { account: 'police', theme: 'praise', text: '{time}，{street}派出所民警在{road}巡逻时发现一名晕倒的老人，立即送医，老人已脱离危险。#警民一家亲#' },
  { account: 'police', theme: 'order', text: '【警方提示】近期{district}入室盗窃案件有所上升，请居民外出时锁好门窗，贵重物品妥善保管。' },
  { account: 'traffic', theme: 'traffic', text: '【出行提示】因道路施工，{road}部分路段{hhmm}起实行交通管制，请过往车辆提前绕行。#江城交通#' },
  { account: 'traffic', theme: 'traffic', text: '【酒驾整治】{time}，江城交警在{road}等路段开展酒驾醉驾专项整治，查处酒驾{n}起、醉驾{n}起。喝酒不开车，开车不喝酒！#酒驾醉驾#' },
  { account: 'traffic', theme: 'weather', text: '【雨天提示】受强降雨影响，{road}、{road2}出现积水，请驾驶员减速慢行，切勿涉水强行通过。#江城暴雨#' },
  { account: 'antiFraud', theme: 'fraud', text: '【反诈提醒】凡是自称“公检法”要求转账到“安全账户”的，都是诈骗！接到此类电话请立即挂断并拨打96110。#江城反诈#' },
  { account: 'antiFraud', theme: 'fraud', text: '【反诈提醒】“刷单返利”是诈骗！{district}一市民因轻信刷单被骗{money}元。先交钱再返利的兼职全是骗局。#刷单诈骗#' },
  { account: 'antiFraud', theme: 'fraud', text: '【警惕】近期出现冒充快递客服以“理赔”为由诱导屏幕共享的诈骗，已有{n}名市民受骗。请勿点击陌生链接。#防范电信诈骗#' },
  { account: 'cyber', theme: 'order', text: '【网警提示】网络不是法外之地。编造、故意传播虚假险情、警情，将依法追究法律责任。#江城网警#' },
  { account: 'cyber', theme: 'fraud', text: '【网警提示】警惕“低价游戏装备”交易诈骗，{time}已有{n}名学生被骗。家长请关注孩子上网情况。' },
  { account: 'donghu', theme: 'praise', text: '东湖公安{street}派出所民警{time}帮助走失的{kidAge}岁儿童找到家人，孩子家长送来锦旗表示感谢。' },
];

const BIG_V_TEMPLATES: ReadonlyArray<{ theme: Theme; text: string }> = [
  { theme: 'traffic', text: '#江城交通# {time}{road}发生多车追尾，现场拥堵严重，网友拍下视频。出行的朋友请绕行。' },
  { theme: 'weather', text: '#江城暴雨# 江城今天降雨量达到{mm}毫米，{district}多处积水，{road}地下通道已封闭。' },
  { theme: 'order', text: '#江城身边事# 网友爆料：{district}{community}近期多辆电动车被盗，居民呼吁加强巡逻。' },
  { theme: 'critical', text: '网友反映在{district}{street}派出所办事“来回跑了{n}趟还没办成”，你遇到过类似情况吗？' },
  { theme: 'fraud', text: '#防范电信诈骗# 江城一市民接到“公检法”电话，被骗{money}元。这些套路请转给家里老人！' },
  { theme: 'health', text: '#江城健康# 流感进入高发期，{place}儿科日接诊量超过{n}百人次，医生提醒及时接种疫苗。' },
  { theme: 'chatter', text: '#江城美食# {district}这家{food}店开了{n}十年，每天排队的人从早到晚没断过。' },
  { theme: 'praise', text: '暖心！{road}一位交警冒雨为老人撑伞过马路，视频在网上获赞无数。#最美警察#' },
  { theme: 'missing', text: '#江城寻人# 扩散！{oldAge}岁的{surname}大爷{time}在{place}附近走失，穿{colour}外套，见到请联系警方。' },
];

export interface ScheduledPost {
  id: string;
  second: number;
  theme: Theme;
  draft: Draft;
}

function slotSecond(seed: number, kind: string, slot: number, width: number): number {
  return slot * width + intBetween(rngFor(seed, kind, 'at', slot), 0, width - 1);
}

export function officialPost(seed: number, slot: number): ScheduledPost {
  const rng = rngFor(seed, 'official', slot);
  const tpl = pick(rng, OFFICIAL_TEMPLATES);
  const author: DemoAuthor = OFFICIAL[tpl.account];
  const id = `demo${seed}-o${slot}`;
  return {
    id,
    second: slotSecond(seed, 'official', slot, OFFICIAL_SLOT_SECONDS),
    theme: tpl.theme,
    draft: { id, platform: 'weibo', kind: 'post', text: fillTemplate(tpl.text, rng), ms: 0, author, metrics: postMetrics(rng, author.followers ?? 0) },
  };
}

export function bigVPost(seed: number, slot: number): ScheduledPost {
  const rng = rngFor(seed, 'bigv', slot);
  const tpl = pick(rng, BIG_V_TEMPLATES);
  const author = pick(rng, BIG_V);
  const id = `demo${seed}-v${slot}`;
  return {
    id,
    second: slotSecond(seed, 'bigv', slot, BIG_V_SLOT_SECONDS),
    theme: tpl.theme,
    draft: { id, platform: 'weibo', kind: 'post', text: fillTemplate(tpl.text, rng), ms: 0, author, metrics: postMetrics(rng, author.followers ?? 0) },
  };
}

/** The latest post of a slotted kind published strictly before `second` (so replies follow it). */
export function latestBefore(
  make: (seed: number, slot: number) => ScheduledPost,
  width: number,
  seed: number,
  second: number,
): ScheduledPost {
  const slot = Math.floor(second / width);
  const current = make(seed, slot);
  return current.second < second ? current : make(seed, slot - 1);
}

/** Scheduled posts that fall in this second. */
export function scheduledPostsAt(seed: number, second: number): ScheduledPost[] {
  const out: ScheduledPost[] = [];
  const o = officialPost(seed, Math.floor(second / OFFICIAL_SLOT_SECONDS));
  if (o.second === second) out.push(o);
  const v = bigVPost(seed, Math.floor(second / BIG_V_SLOT_SECONDS));
  if (v.second === second) out.push(v);
  return out;
}
