import { PhraseMatcher } from '../nlp/phrase-matcher.js';

/**
 * Rumour cue lexicons (Chinese and English), read on normalised text (simplified, half-width,
 * lower-cased). Separated by "|" because English phrases hold spaces. These are the "enquiring
 * minds" signals of Zhao, Resnick & Mei (2015) plus the claim markers of Weibo rumours.
 */

/** A reply that asks whether the claim is true or where it comes from. */
export const ENQUIRY_CUES =
  '真的假的|是真的吗|真的吗|真的么|是不是真的|是真是假|真假|求证|求辟谣|求真相|有没有官方|官方消息|官方回应|等官方|坐等辟谣|' +
  '靠谱吗|可信吗|属实吗|确定吗|有这回事|真有这事|哪里的消息|消息来源|来源|出处|证实|核实|谁知道|有没有人知道|不会吧|假的吧|' +
  '真的吧|不是真的吧|存疑|真实性|尊嘟假嘟|有图有真相|有图吗|有视频吗|求后续|有知情人|' +
  'is this true|is it true|is that true|really?|source?|sources?|any source|confirmed?|can anyone confirm|can someone confirm|' +
  'any proof|proof?|is this real|is it real|for real?|legit?|citation needed|unverified';

/** A reply that says the claim is false, old, staged, or a rumour. */
export const DENIAL_CUES =
  '谣言|辟谣|造谣|传谣|谣传|假的|假消息|假新闻|不实|虚假|别信|不要信|不可信|别传|不要传|别再传|不信谣|骗人|骗子的|编的|编造|' +
  '瞎编|胡说|瞎说|胡扯|扯淡|忽悠|p的|ps的|p图|摆拍|旧闻|旧图|老图|老新闻|老谣言|早就辟谣|去年就|几年前的|' +
  '标题党|炒作|无稽之谈|以讹传讹|纯属|澄清|' +
  'fake|hoax|debunk*|false|untrue|not true|rumor*|rumour*|misinformation|disinformation|made up|photoshop*|staged|old video|old photo|' +
  'stop sharing|don\'t believe|do not believe|clickbait|lies|lying|bullshit|nonsense';

/**
 * Claim markers in a story's root: hearsay (网传, 据说), calls to spread (紧急扩散, 转发周知), secrecy
 * (内部消息, 删前速看) and urgency. Each group is one signal so a reason can name it.
 */
export const CLAIM_CUE_GROUPS = {
  hearsay:
    '网传|网上传|网上说|据说|听说|据悉|有消息称|朋友说|都在传|在传|疯传|群里都在|小道消息|传言|传闻|据传|疑似|' +
    'reportedly|rumor has it|rumour has it|i heard|apparently|unconfirmed|allegedly|word is',
  spread:
    '紧急扩散|扩散|速转|转发周知|转发扩散|转起来|求转发|帮转|大家转|转给|告诉身边|告诉家人|互相转告|互相转发|传下去|' +
    'please share|share this|spread the word|pass it on|rt to|retweet',
  secret:
    '内部消息|内部人士|内部通知|官方不让说|不让说|删前速看|删前|快看|赶紧看|马上删|要被删|被删了|封口|' +
    'before it gets deleted|before it\'s deleted|before they delete|they don\'t want you to know|leaked',
  alarm:
    '紧急|注意了|千万|一定要|速看|马上|赶紧|注意安全|小心|危险|警惕|提醒|可怕|吓人|出大事|' +
    'urgent|warning|breaking|alert|beware|be careful',
} as const;
export type ClaimCueGroup = keyof typeof CLAIM_CUE_GROUPS;

/** Mentions of the police, officials or the authorities (in the root or the replies). */
export const AUTHORITY_CUES =
  '警察|民警|警方|公安|派出所|刑警|交警|特警|110|报警|政府|官方|官员|领导|城管|有关部门|相关部门|卫生部|卫健委|教育局|' +
  'police|cops|cop|officer*|authorities|government|officials|sheriff';

/**
 * An official account's post that answers a story: debunks it, or reports what was verified. Both
 * close the need for a clarification.
 */
export const OFFICIAL_ANSWER_CUES =
  '辟谣|谣言|不实|系谣|虚假|经核查|经核实|核查|警情通报|情况通报|通报|情况说明|回应|澄清|编造|已依法|依法处理|依法查处|' +
  '行政拘留|刑事拘留|并非|不存在|未发生|属实|' +
  'debunk*|false|rumor*|rumour*|fake|hoax|misinformation|clarif*|statement|not true|untrue|fact check|fact-check';

/**
 * A root that reports a happy ending and thanks those who forwarded ("感谢大家转发，走失的女孩已经
 * 找到了"): news to share, not a claim that needs an official clarification. Both parts are needed,
 * so "网传…找到了尸体" stays a claim.
 */
export const RESOLUTION_FOUND =
  '已经找到|已找到|找到了|平安找到|已平安|平安回家|已回家|已经回家|已联系上|已经联系上|已被找到|已被寻回|已寻回|' +
  'has been found|have been found|was found safe|found safe|found alive|is safe now|are safe now|is home safe';
export const RESOLUTION_THANKS =
  '感谢大家转发|谢谢大家转发|感谢转发|谢谢转发|感谢大家|谢谢大家|感谢各位|谢谢各位|感谢网友|谢谢网友|感谢热心|谢谢热心|' +
  'thanks everyone|thank you everyone|thank you all|thanks for sharing|thank you for sharing|thanks for the shares|thanks to everyone';

function groupMatcher(phrases: string): PhraseMatcher {
  return new PhraseMatcher(phrases.split('|'));
}

let enquiry: PhraseMatcher | undefined;
let denial: PhraseMatcher | undefined;
let authority: PhraseMatcher | undefined;
let answer: PhraseMatcher | undefined;
let resolutionFound: PhraseMatcher | undefined;
let resolutionThanks: PhraseMatcher | undefined;
let claims: { group: ClaimCueGroup; matcher: PhraseMatcher; phrases: string[] }[] | undefined;

function firstHit(matcher: PhraseMatcher, phrases: string, text: string): string | undefined {
  const hits = matcher.findAll(text);
  const h = hits[0];
  if (!h) return undefined;
  return phrases.split('|')[h.id]?.replace(/\*$/, '') ?? text.slice(h.start, h.end);
}

/** Whether a (normalised) root text announces a happy ending with thanks (see RESOLUTION_FOUND). */
export function isResolutionNotice(text: string): boolean {
  resolutionFound ??= groupMatcher(RESOLUTION_FOUND);
  resolutionThanks ??= groupMatcher(RESOLUTION_THANKS);
  return resolutionFound.findAll(text).length > 0 && resolutionThanks.findAll(text).length > 0;
}

/** The first enquiry cue in a text, if any. */
export function enquiryCue(text: string): string | undefined {
  if (text === '') return undefined;
  enquiry ??= groupMatcher(ENQUIRY_CUES);
  return firstHit(enquiry, ENQUIRY_CUES, text);
}

/** The first denial cue in a text, if any. */
export function denialCue(text: string): string | undefined {
  if (text === '') return undefined;
  denial ??= groupMatcher(DENIAL_CUES);
  return firstHit(denial, DENIAL_CUES, text);
}

export function mentionsAuthority(text: string): boolean {
  if (text === '') return false;
  authority ??= groupMatcher(AUTHORITY_CUES);
  return authority.findAll(text).length > 0;
}

/** Whether an official account's text reads as an answer to a circulating claim. */
export function isOfficialAnswerText(text: string): boolean {
  if (text === '') return false;
  answer ??= groupMatcher(OFFICIAL_ANSWER_CUES);
  return answer.findAll(text).length > 0;
}

export interface ClaimCues {
  /** Cue phrases found, by group (at most a few each). */
  groups: Partial<Record<ClaimCueGroup, string[]>>;
  /** Specific figures stated without a source ("已经抢走两个", "死亡 30 人", "500元"). */
  numbers: number;
  /** Exclamation marks (runs of them are a classic alarm marker). */
  exclamations: number;
}

const NUMBER = /\d+(?:\.\d+)?\s?(?:万|亿|千|百|人|名|个|元|块|岁|辆|家|起|例|吨|%|km|公里|米|people|dead|killed|injured|children|kids)|[一二两三四五六七八九十百千万]+(?:个|名|人|辆|家|起|例|岁)/g;
const SOURCE = /(?:据|根据|来源|通报|发布|公布|官方|警方|新华社|人民日报|央视|according to|reported by|via)/;

export function claimCues(text: string): ClaimCues {
  claims ??= (Object.keys(CLAIM_CUE_GROUPS) as ClaimCueGroup[]).map((group) => {
    const phrases = CLAIM_CUE_GROUPS[group].split('|');
    return { group, matcher: new PhraseMatcher(phrases), phrases };
  });
  const groups: Partial<Record<ClaimCueGroup, string[]>> = {};
  for (const c of claims) {
    const found: string[] = [];
    for (const h of c.matcher.findAll(text)) {
      const p = c.phrases[h.id]!;
      if (!found.includes(p)) found.push(p);
      if (found.length >= 3) break;
    }
    if (found.length) groups[c.group] = found;
  }
  const numbers = SOURCE.test(text) ? 0 : (text.match(NUMBER) ?? []).length;
  const exclamations = (text.match(/!/g) ?? []).length;
  return { groups, numbers, exclamations };
}
