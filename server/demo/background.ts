import { someEnglishUser, someOrdinaryUser } from './authors.js';
import type { Draft } from './draft.js';
import { postMetrics, replyMetrics, repostText } from './draft.js';
import { fillTemplate } from './fill.js';
import type { Theme } from './lexicon.js';
import { HASHTAGS, OFFICIAL_HANDLES, SLANG } from './lexicon.js';
import type { Rng } from './random.js';
import { chance, intBetween, pick, weighted } from './random.js';
import type { ScheduledPost } from './scheduled-posts.js';
import { BIG_V_SLOT_SECONDS, OFFICIAL_SLOT_SECONDS, bigVPost, latestBefore, officialPost } from './scheduled-posts.js';
import { EN_POSTS, EN_REPOST_COMMENTS } from './texts-en.js';
import { ZH_POSTS, ZH_REPLIES_TO_OFFICIAL, ZH_REPOST_COMMENTS } from './texts-zh.js';

type PostTheme = Exclude<Theme, 'rumour'>;

/** Share of background traffic in English; the rest is Chinese. */
export const ENGLISH_SHARE = 0.17;

const THEME_WEIGHTS: Record<PostTheme, number> = {
  chatter: 20, praise: 11, critical: 12, traffic: 13, fraud: 11, order: 10, missing: 5, weather: 10, health: 8,
};

/** Which emoticons suit a theme's mood. */
const MOOD: Record<PostTheme, readonly string[]> = {
  chatter: ['{emoFun}', '{emoPos}'],
  praise: ['{emoPos}'],
  critical: ['{emoNeg}'],
  traffic: ['{emoNeg}', '{emoNeg}', '{emoFun}'],
  fraud: ['{emoFear}', '{emoNeg}'],
  order: ['{emoFear}', '{emoNeg}'],
  missing: ['{emoFear}'],
  weather: ['{emoFear}', '{emoNeg}', '{emoFun}'],
  health: ['{emoNeg}'],
};

/** Weibo habits around a sentence: #话题#, [表情], slang, @-mentions. */
const ZH_LEADS = ['说真的，', '记录一下：', '刚刷到的，', '分享一下，', '有一说一，', '插一句，', '话说', '唉，'];
const ZH_ENDINGS = ['', '', '', '。', '！', '…', '！！', '~', '。。。'];

function decorateZh(rng: Rng, theme: PostTheme, core: string): string {
  // Punctuation and lead-ins vary as people type, so one template rarely yields the same text twice.
  const ending = /[？?！!。]$/.test(core) ? '' : pick(rng, ZH_ENDINGS);
  let text = core + ending;
  if (chance(rng, 0.12)) text = `${pick(rng, ZH_LEADS)}${text}`;
  else if (chance(rng, 0.15)) text = `${pick(rng, SLANG)}，${text}`;
  if (chance(rng, 0.55)) {
    text += fillTemplate(pick(rng, MOOD[theme]), rng);
    if (chance(rng, 0.2)) text += fillTemplate(pick(rng, MOOD[theme]), rng);
  }
  const tagP = theme === 'chatter' ? 0.15 : 0.3;
  if (chance(rng, tagP)) {
    const tag = pick(rng, HASHTAGS[theme]);
    text = chance(rng, 0.5) ? `${tag}${text}` : `${text} ${tag}`;
  }
  const atP = theme === 'critical' || theme === 'praise' || theme === 'fraud' ? 0.25 : 0.08;
  if (chance(rng, atP)) text += ` ${pick(rng, OFFICIAL_HANDLES)}`;
  if (chance(rng, 0.05)) text += ` ${pick(rng, SLANG)}`;
  return text;
}

const EN_OPENERS = ['', '', '', 'Ugh. ', 'PSA: ', 'Honestly, ', 'Update: ', 'So… ', 'Wow. ', 'Okay, ', 'Heads up: ', 'Not gonna lie, '];
const EN_CLOSERS = ['', '', '', '.', '!', '...', ' #Jiangcheng', ' lol', ' [doge]', ' 🙏', ' smh', ' #ChinaLife', '!!', ' :(', ' haha'];

function decorateEn(rng: Rng, core: string): string {
  return `${pick(rng, EN_OPENERS)}${core}${pick(rng, EN_CLOSERS)}`;
}

function themedZh(rng: Rng, theme: PostTheme): string {
  return decorateZh(rng, theme, fillTemplate(pick(rng, ZH_POSTS[theme]), rng));
}

/** Threads the background hangs under: the latest official post, or the latest big-V post. */
function threadParent(rng: Rng, seed: number, second: number): ScheduledPost {
  return chance(rng, 0.7)
    ? latestBefore(officialPost, OFFICIAL_SLOT_SECONDS, seed, second)
    : latestBefore(bigVPost, BIG_V_SLOT_SECONDS, seed, second);
}

/**
 * One ordinary mention: a post on a theme (55%), a reply under an official or big-V post (30%), or a
 * repost of one (15%). English standalone posts are given platform 'twitter'; anything inside a
 * Weibo thread stays 'weibo' so parent and root ids resolve on the same platform.
 */
export function backgroundDraft(rng: Rng, seed: number, second: number): Draft {
  const english = chance(rng, ENGLISH_SHARE);
  const theme = weighted(rng, THEME_WEIGHTS);
  const ms = intBetween(rng, 1, 999);
  const shape = weighted(rng, { post: 55, reply: 30, repost: 15 });

  if (english) {
    const author = someEnglishUser(rng, seed);
    const core = decorateEn(rng, fillTemplate(pick(rng, EN_POSTS[theme]), rng));
    if (shape === 'post') {
      return { platform: 'twitter', kind: 'post', text: core, ms, author, metrics: postMetrics(rng, author.followers ?? 0) };
    }
    const parent = threadParent(rng, seed, second);
    if (shape === 'reply') {
      return { platform: 'weibo', kind: 'reply', text: core, ms, author, parentId: parent.id, rootId: parent.id, metrics: replyMetrics(rng) };
    }
    const text = repostText(pick(rng, EN_REPOST_COMMENTS), parent.draft);
    return { platform: 'weibo', kind: 'repost', text, ms, author, parentId: parent.id, rootId: parent.id };
  }

  const author = someOrdinaryUser(rng, seed);
  if (shape === 'post') {
    return { platform: 'weibo', kind: 'post', text: themedZh(rng, theme), ms, author, metrics: postMetrics(rng, author.followers ?? 0) };
  }
  const parent = threadParent(rng, seed, second);
  if (shape === 'reply') {
    // Under a police post people mostly praise, complain or ask; under news they comment on the theme.
    const stance = weighted(rng, { themed: 40, praise: 18, critical: 20, query: 10, chatter: 12 });
    const text =
      stance === 'themed'
        ? themedZh(rng, parent.theme === 'rumour' ? theme : parent.theme)
        : decorateZh(rng, stance === 'critical' ? 'critical' : stance === 'praise' ? 'praise' : 'chatter',
            fillTemplate(pick(rng, ZH_REPLIES_TO_OFFICIAL[stance]), rng));
    return { platform: 'weibo', kind: 'reply', text, ms, author, parentId: parent.id, rootId: parent.id, metrics: replyMetrics(rng) };
  }
  const comment = decorateZh(rng, 'chatter', fillTemplate(pick(rng, ZH_REPOST_COMMENTS), rng));
  return { platform: 'weibo', kind: 'repost', text: repostText(comment, parent.draft), ms, author, parentId: parent.id, rootId: parent.id };
}
