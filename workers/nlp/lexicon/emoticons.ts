import type { EmotionClass } from './types.js';

/** Polarity, emotion, and whether the symbol usually signals sarcasm. */
export type SymbolEntry = readonly [polarity: number, emotion: EmotionClass | null, sarcasm?: boolean];

/**
 * Weibo bracket emoticons by (simplified, lower-cased) name. [微笑], [doge], [允悲] and friends are
 * mostly used ironically on Weibo, so they carry no polarity of their own and mark sarcasm instead.
 */
export const EMOTICONS: Readonly<Record<string, SymbolEntry>> = {
  微笑: [0, null, true], doge: [0, null, true], 二哈: [0, null, true], 允悲: [-0.2, 'sadness', true],
  阴险: [-0.3, null, true], 笑而不语: [0, null, true], 并不简单: [0, null, true], 费解: [-0.1, 'surprise'],
  嘻嘻: [0.7, 'joy'], 哈哈: [0.8, 'joy'], 笑哈哈: [0.8, 'joy'], 偷笑: [0.4, 'joy'], 爱你: [1, 'joy'], 心: [1, 'joy'],
  赞: [1, 'joy'], good: [0.9, 'joy'], 鼓掌: [0.8, 'joy'], 给力: [0.9, 'joy'], 威武: [0.9, 'joy'], 太开心: [1, 'joy'],
  开心: [1, 'joy'], 可爱: [0.7, 'joy'], 亲亲: [0.8, 'joy'], 耶: [0.7, 'joy'], 酷: [0.5, 'joy'], 憧憬: [0.5, 'joy'],
  送花花: [0.6, 'joy'], 笑cry: [0.3, 'joy'], 馋嘴: [0.3, 'joy'], 坏笑: [0.1, 'joy'], 来: [0.3, null],
  ok: [0.4, null], 抱抱: [0.5, null], 握手: [0.4, null], 作揖: [0.3, null], 加油: [0.8, null], 拳头: [0.4, null],
  泪: [-0.7, 'sadness'], 悲伤: [-0.9, 'sadness'], 伤心: [-0.9, 'sadness'], 心碎: [-0.9, 'sadness'], 失望: [-0.8, 'sadness'],
  可怜: [-0.5, 'sadness'], 委屈: [-0.6, 'sadness'], 衰: [-0.6, 'sadness'], 蜡烛: [-0.5, 'sadness'], 哭: [-0.7, 'sadness'],
  大哭: [-0.8, 'sadness'], 生病: [-0.3, 'sadness'], 泪目: [0.1, 'sadness'],
  怒: [-1, 'anger'], 怒骂: [-1, 'anger'], 抓狂: [-0.9, 'anger'], 哼: [-0.5, 'anger'], 左哼哼: [-0.5, 'anger'],
  右哼哼: [-0.5, 'anger'], 生气: [-0.9, 'anger'], 闭嘴: [-0.5, 'anger'],
  吐: [-0.9, 'disgust'], 鄙视: [-0.9, 'disgust'], 挖鼻: [-0.3, 'disgust'], 白眼: [-0.5, 'disgust'], 黑线: [-0.3, 'disgust'],
  吃惊: [0, 'surprise'], 惊讶: [0, 'surprise'], 傻眼: [-0.2, 'surprise'], 跪了: [0, 'surprise'],
  惊恐: [-0.6, 'fear'], 害怕: [-0.6, 'fear'], 恐惧: [-0.7, 'fear'],
  汗: [-0.2, null], 晕: [-0.3, null], 疑问: [0, null], 思考: [0, null], 吃瓜: [0, null], 拜拜: [0, null],
};

/** Unicode emoji (variation selectors already stripped by normalise). */
export const EMOJI: Readonly<Record<string, SymbolEntry>> = {
  '🙂': [0, null, true], '🙃': [0, null, true], '🐶': [0, null, true],
  '😂': [0.4, 'joy'], '🤣': [0.5, 'joy'], '😀': [0.8, 'joy'], '😃': [0.8, 'joy'], '😄': [0.8, 'joy'], '😁': [0.8, 'joy'],
  '😆': [0.7, 'joy'], '😊': [0.8, 'joy'], '☺': [0.8, 'joy'], '🥰': [0.9, 'joy'], '😍': [0.9, 'joy'], '😘': [0.8, 'joy'],
  '👍': [0.9, 'joy'], '👏': [0.8, 'joy'], '❤': [1, 'joy'], '💕': [0.9, 'joy'], '💖': [0.9, 'joy'], '🎉': [0.8, 'joy'],
  '🌹': [0.6, null], '💪': [0.7, null], '🙏': [0.4, null], '🫡': [0.8, null],
  '😭': [-0.7, 'sadness'], '😢': [-0.7, 'sadness'], '😞': [-0.6, 'sadness'], '😔': [-0.5, 'sadness'], '💔': [-0.9, 'sadness'],
  '🕯': [-0.5, 'sadness'], '🥺': [-0.3, 'sadness'],
  '😡': [-1, 'anger'], '😠': [-0.9, 'anger'], '🤬': [-1, 'anger'], '👿': [-0.8, 'anger'], '💢': [-0.7, 'anger'],
  '😱': [-0.5, 'fear'], '😨': [-0.6, 'fear'], '😰': [-0.6, 'fear'], '😧': [-0.4, 'fear'],
  '😮': [0, 'surprise'], '😲': [0, 'surprise'], '😯': [0, 'surprise'], '🤯': [-0.1, 'surprise'],
  '🤮': [-1, 'disgust'], '🤢': [-0.9, 'disgust'], '🙄': [-0.5, 'disgust'], '😒': [-0.5, 'disgust'], '💩': [-0.8, 'disgust'],
  '👎': [-0.9, 'disgust'], '😓': [-0.3, null], '🍉': [0, null], '🤔': [0, null],
};
