import type { OfficialKey } from './authors.js';
import { DISTRICTS, COMMUNITIES, SCHOOLS } from './lexicon.js';
import type { Rng } from './random.js';
import { pick } from './random.js';

/**
 * One rumour outbreak, written for the demo. Texts are templates (see fill.ts); `cycleSlots` fixes
 * the slots that must agree across the root, its replies and the clarification of one outbreak.
 */
export interface RumourScenario {
  key: string;
  cycleSlots: (rng: Rng) => Record<string, string>;
  /** The root post: an unverified claim with claim cues (网传, 紧急扩散, 转发周知…). */
  roots: readonly string[];
  /** Comments of the accounts whose reposts carry the cascade (before `//@`). */
  spreaderComments: readonly string[];
  /** Replies believing or fearing the claim. */
  support: readonly string[];
  /** Replies asking whether it is true. */
  query: readonly string[];
  /** Replies doubting or denying it before any official word. */
  deny: readonly string[];
  /** Replies to the root once the clarification is out: relief, denial, anger at the rumour-monger. */
  afterClarification: readonly string[];
  /** Replies that keep doubting the official word (some critical of the authorities). */
  stubborn: readonly string[];
  clarifier: OfficialKey;
  /** The official clarification post; it quotes the claim so readers (and the pipeline) can link them. */
  clarification: readonly string[];
}

export const GENERIC_QUERY: readonly string[] = [
  '真的假的？', '有没有官方消息？', '求辟谣', '{official} 能出来说一下吗？', '有图有真相吗？', '谁能证实一下？',
  '这是哪天的事？有没有人在现场', '坐等官方回应', '有知情人吗？在线等，挺急的', '转发之前先问一句，消息来源是哪里？',
];
export const GENERIC_DENY: readonly string[] = [
  '假的吧，别传了', '去年就辟谣过了', '这图是外地的，老谣言了', '网传的东西看看就好，等官方消息', '不信谣不传谣',
  '造谣的能不能抓一下', '一看就是编的，连具体地址都没有', '这种标题党的东西也有人信？',
];
export const GENERIC_SUPPORT: readonly string[] = [
  '太可怕了，我也听说了', '我朋友也说看到了', '赶紧告诉家里人', '宁可信其有，大家小心', '吓得我马上给家里打电话了{emoFear}',
  '不管真假，转发总没错', '难怪最近感觉不对劲',
];
export const GENERIC_SPREAD: readonly string[] = ['转发周知', '紧急扩散', '扩散！', '大家注意', '真的假的？先转了', '太可怕了{emoFear}'];
export const GENERIC_AFTER: readonly string[] = [
  '官方辟谣了，散了散了', '虚惊一场{emoFun}', '谢谢江城警方，终于放心了{emoPos}', '那些到处转发的该删帖了',
  '造谣的就该抓', '我就说是假的吧', '辟谣了还有人在转，服了',
];
export const GENERIC_THANKS: readonly string[] = [
  '感谢江城警方及时辟谣{emoPos}', '造谣者就该严惩', '辟谣速度点赞', '支持依法处理造谣者', '终于有官方消息了，谢谢',
  '建议把带头转发的大V也处理一下', '早点发通报就不会传成这样了',
];
export const GENERIC_STUBBORN: readonly string[] = [
  '辟谣就一定是真的吗？', '先抓人再说，说明不了什么', '官方说没事就没事？我还是不放心', '每次都是先辟谣后反转，谁信啊',
];

export const EN_QUERY: readonly string[] = ['Is this true?', 'Anyone have official info on this?', 'Source? Has the police said anything?', 'Can someone confirm this?'];
export const EN_DENY: readonly string[] = ['This is fake, the same story went around last year', 'Please stop sharing unverified stuff', 'Looks like an old video from somewhere else'];
export const EN_SUPPORT: readonly string[] = ['This is terrifying, stay safe everyone', 'My neighbour said the same thing'];
export const EN_AFTER: readonly string[] = ['Police say it was a rumour. Glad that is cleared up', 'Fake news confirmed, thanks to the police for clearing it up'];

export const SCENARIOS: readonly RumourScenario[] = [
  {
    key: 'child-snatching',
    cycleSlots: (rng) => ({ district: pick(rng, DISTRICTS), school: pick(rng, SCHOOLS) }),
    roots: [
      '网传{district}{school}门口有人贩子抢孩子，已经抢走两个了！紧急扩散！家里有孩子的注意！{emoFear}',
      '紧急扩散！！听说{district}{school}放学的时候有人贩子开面包车抢孩子，已经有家长报警了，转发周知',
      '家长群里都在传，{district}有一伙人贩子专门在{school}附近抢小孩，面包车没挂牌照，大家接孩子一定要当面接！转发周知',
    ],
    spreaderComments: ['求证，{district}的家长有知道的吗？', '不管真假，家长们注意一下', '转发周知，接孩子一定要当面交接'],
    support: ['{district}的家长群都炸了', '我家孩子就在{school}，吓死了{emoFear}', '今天接孩子的时候门口确实多了好多家长', '明天开始我亲自接送'],
    query: ['{school}的家长在吗？真的假的', '学校有没有发通知？', '{district}派出所有人回应吗？'],
    deny: ['我就是{school}的家长，根本没这回事', '这个面包车的视频是好几年前外地的', '班主任说了是谣言，别转了'],
    afterClarification: ['吓得我请假去接孩子，结果是谣言{emoFun}', '家长们可以放心了', '编这种谣言吓唬家长，太缺德了'],
    stubborn: ['我还是每天去接，谁知道呢'],
    clarifier: 'police',
    clarification: [
      '【警情通报】近日，网传“{district}{school}门口有人贩子抢孩子”的消息引发关注。经核查，该信息系谣言，{district}近期未发生抢夺儿童案件。发布者{surname}某（男，{age}岁）为博取关注编造上述信息，已被依法行政拘留。请广大网民不信谣、不传谣。#江城辟谣#',
      '【辟谣】关于网传“{district}{school}附近有人贩子开面包车抢孩子”一事，经江城警方核查，系谣言。目前{district}各校周边秩序正常，警方已加强上下学时段巡逻。造谣者{surname}某已被依法处理。#江城辟谣#',
    ],
  },
  {
    key: 'tap-water-poisoning',
    cycleSlots: (rng) => ({ district: pick(rng, DISTRICTS), community: pick(rng, COMMUNITIES) }),
    roots: [
      '网传{district}自来水厂被人投毒了，{community}已经有人喝了拉肚子送医院！紧急扩散，这两天千万别喝自来水！',
      '听说{district}的自来水出问题了，水是黄的还有怪味，据说是有人在水厂投毒，{community}好几家都送医了，转发周知{emoFear}',
    ],
    spreaderComments: ['求证，{district}的朋友家里水正常吗？', '先别喝自来水了，转发周知', '真假不知道，大家先烧开再喝'],
    support: ['我家水今天确实有点黄{emoNeg}', '超市的矿泉水都被抢光了', '难怪我今天肚子不舒服', '{community}群里也在说这个'],
    query: ['{community}的邻居在吗？水真的有问题？', '水务局有没有通知？', '医院那边有人能证实吗？'],
    deny: ['水黄是因为管道检修，物业群里早就通知了', '我天天喝，什么事都没有', '投毒这么大的事不可能没有通报'],
    afterClarification: ['原来是管网检修，虚惊一场', '囤了一箱矿泉水，白买了{emoFun}', '造谣的太可恶了，搞得人心惶惶'],
    stubborn: ['那水为什么是黄的？还是不放心'],
    clarifier: 'police',
    clarification: [
      '【辟谣】近日，有网民发布“{district}自来水厂被投毒、居民饮水中毒送医”等信息。经江城警方会同市水务、卫健部门核查，{district}供水水质检测全部合格，{community}水色发黄系管网检修所致，无人员因饮水中毒就医。网传信息系谣言，警方已对造谣者依法调查处理。#江城辟谣#',
    ],
  },
  {
    key: 'reservoir-breach',
    cycleSlots: (rng) => ({ district: pick(rng, ['北山区', '江北区', '滨江新区']) }),
    roots: [
      '紧急扩散！据说连续暴雨北山水库要溃坝了，{district}下游的赶紧撤离！内部消息，官方不让说！',
      '网传北山水库大坝已经出现裂缝，{district}那边有人连夜开车跑了，到底真的假的？转发周知{emoFear}',
    ],
    spreaderComments: ['求证！{district}的朋友们注意安全', '暴雨还在下，大家提高警惕', '转发周知，有没有懂行的说说'],
    support: ['我亲戚就在北山，说晚上看到好多车往外开', '这雨下了几天了，真有可能', '官方不说不代表没事', '已经收拾好东西了{emoFear}'],
    query: ['北山水库到底什么情况？求官方回应', '{district}要撤离吗？有没有通知', '有没有在水库上班的朋友说一下'],
    deny: ['水库水位正常，我朋友就在水库上班', '这视频是外省的，别传了', '真要撤离会挨家挨户通知的'],
    afterClarification: ['原来是编的，吓得我一晚上没睡', '水库没事就好，谢谢通报', '造谣制造恐慌，必须严惩'],
    stubborn: ['说没事的时候往往就有事', '正常的话为什么要加强巡查？'],
    clarifier: 'police',
    clarification: [
      '【警情通报】近日，网传“北山水库大坝出现裂缝即将溃坝，{district}下游群众需紧急撤离”等信息。经核查，北山水库运行正常，水位处于安全范围，未出现险情。该信息系{surname}某（女，{age}岁）为吸引流量编造发布，警方已依法对其作出处理。请以官方发布为准。#江城辟谣#',
    ],
  },
];
