/**
 * Stance cue phrases toward a thread's root claim, each with a weight. Separated by "|" because
 * English phrases contain spaces. Where phrases overlap only the outermost counts, so "是不是谣言"
 * is a question, not also "不是谣言" and "谣言".
 */
export type StanceKind = 'query' | 'deny' | 'support';

export interface CueGroup {
  kind: StanceKind;
  weight: number;
  phrases: string;
}

export const STANCE_CUES: readonly CueGroup[] = [
  {
    kind: 'query',
    weight: 1.5,
    phrases:
      '真的假的|是真的吗|真的吗|是真的么|真的么|是不是真的|是不是谣言|是不是假的|是真是假|真假|求证|求辟谣|求官方|求真相|有没有官方|' +
      '有图有真相吗|有图吗|有视频吗|有实锤吗|谁知道|有没有人知道|不会吧|假的吧|真的吧|不是真的吧|靠谱吗|可信吗|确定吗|属实吗|' +
      '真有这事|有这回事|哪里的消息|消息来源|出处|坐等辟谣|坐等官方|等官方|等辟谣|等官方通报|官方回应一下|官方出来说|求后续|' +
      '蹲后续|蹲一个|真实性|存疑|有待核实|待核实|核实一下|尊嘟假嘟|不确定|不知道真假|不知真假|' +
      'is this true|is it true|is that true|really?|source?|sources?|confirmed?|any proof|proof?|is this real|is it real|' +
      'not sure|unverified|i doubt|doubt it|for real?|can anyone confirm|can someone confirm|citation needed|any source|any sources|fake?|true?|real?|legit?|is this legit',
  },
  { kind: 'query', weight: 1.0, phrases: '什么情况|怎么回事|啥情况|来源|真的?|真的啊?|真的呀?|真有?|是吗?|是这样吗|what happened?' },
  {
    kind: 'deny',
    weight: 2.0,
    phrases:
      '辟谣|已辟谣|已经辟谣|官方辟谣|造谣|假消息|假新闻|不实|不实信息|别信|不要信|别传了|不要传|别再传|不信谣|不传谣|' +
      '官方说了是假的|是假的|纯属虚构|虚假|编造|谣言止于智者|已经澄清|澄清了|' +
      'debunked|hoax|fake news|misinformation|disinformation|made up|photoshopped|don\'t believe|do not believe|clickbait',
  },
  {
    kind: 'deny',
    weight: 1.5,
    phrases:
      '谣言|假的|p的|ps的|p图|摆拍|旧闻|旧图|老视频|老新闻|去年的|几年前的|胡说八道|一派胡言|' +
      'fake|false|untrue|rumor|rumour|staged|old video|old photo|lies|not true',
  },
  { kind: 'deny', weight: 1.0, phrases: '胡说|瞎说|胡扯|扯淡|谣传|不可能|骗人|忽悠|太假了|再假点|不靠谱|炒作|你也信|你信?|这也信|愚人节' },
  {
    kind: 'support',
    weight: 1.5,
    phrases:
      '是真的|确实|的确|属实|确有其事|真有此事|千真万确|亲眼看到|亲眼所见|我也看到了|我也看到|我在现场|我就在现场|目击|' +
      '转发扩散|帮扩|求扩散|官方证实|已证实|证实了|警方证实|没错|真的有|本人作证|我作证|' +
      'confirmed|i saw it|i saw this|i was there|can confirm|it\'s real|this is real|it\'s true|it is true|this is true|' +
      'spread the word|please share|witnessed|happened to me',
  },
  {
    kind: 'support',
    weight: 1.0,
    phrases:
      '扩散|大家注意|听说|帮转|帮忙转|转起来|转起|必须转|一定要转|大家转|大力转发|多转|周知|提醒大家|提醒一下|小心|当心|要注意|注意了|' +
      '注意安全|学习了|原来是这样|原来如此|难怪|宁可信其有|千万别|千万不要|也听说|也看到了|' +
      'true|rumor has it|rumour has it|i heard',
  },
  // Fear or shock ("太可怕了") is a reaction, not a verdict on truth: a comment unless a cue says more.
  { kind: 'support', weight: 0.25, phrases: '现场|太可怕了|好可怕|吓死了|细思极恐' },
];

/** Whole replies that only agree with what they answer ("是的", "+1"). */
export const AGREEMENT_ONLY = new Set([
  '是的', '是啊', '对', '对的', '对啊', '没错', '同意', '赞同', '说得对', '说的对', '确实', '真的', '是', '+1', '加一', '附议', '顶',
  'yes', 'yeah', 'yep', 'agreed', 'agree', 'exactly', 'this', 'true', 'right', 'same',
]);

/** Before a cue, these flip it: "不是谣言" supports, "不是真的" (不 + 是真的) denies. */
export const FLIP_BEFORE = /(?:不是|并非|绝非|不算|不像|不|\bnot|n't|\bnever)\s?(?:a |an |the |really |actually |一个|什么)?$/;
/** Before a cue, these void it: "官方没有辟谣" neither denies nor supports. */
export const VOID_BEFORE = /(?:没有|还没|没|尚未|未曾|未)$/;
