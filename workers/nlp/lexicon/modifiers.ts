/**
 * Words that change the words around them rather than carrying sentiment themselves.
 * Chinese and English side by side; entries are matched against whole tokens.
 */

/** Negators flip the polarity of the next few tokens (scope ends at punctuation). */
export const NEGATORS = [
  '不', '没', '没有', '别', '无', '非', '未', '不是', '不会', '不要', '不能', '并不', '从不', '从未', '毫不', '绝不',
  '决不', '并非', '并没有', '未必', '不算', '勿', '莫', '不再', '一点也不', '一点都不', '根本不', '根本没有',
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'without', 'hardly', 'barely', 'cannot',
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "can't", "couldn't",
  "shouldn't", "haven't", "hasn't", "hadn't", "ain't", 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'cant', 'wont',
];

/** Negators that soften rather than flip: "不太好" is mildly negative, not the opposite of "太好". */
export const SOFT_NEGATORS = ['不太', '不怎么', '不够', '不大', '不是很', '不那么'];

/** Degree adverbs multiply the next sentiment word. */
export const DEGREE: Readonly<Record<string, number>> = {
  很: 1.3, 非常: 1.6, 太: 1.6, 极其: 1.8, 极: 1.6, 极度: 1.8, 特别: 1.5, 超: 1.5, 超级: 1.6, 十分: 1.5, 相当: 1.4,
  真: 1.3, 真的: 1.2, 真是: 1.3, 好: 1.3, 最: 1.6, 更: 1.2, 更加: 1.3, 越来越: 1.3, 挺: 1.2, 蛮: 1.2, 比较: 1.0,
  较: 0.9, 有点: 0.6, 有点儿: 0.6, 有些: 0.6, 稍微: 0.5, 稍: 0.6, 略: 0.6, 略微: 0.5, 一点: 0.6, 一点点: 0.5,
  些许: 0.6, 过于: 1.4, 实在: 1.4, 简直: 1.5, 太过: 1.5, 巨: 1.5, 贼: 1.4, 多么: 1.4, 如此: 1.3, 这么: 1.2,
  那么: 1.2, 特: 1.3, 格外: 1.4, 无比: 1.7, 万分: 1.7, 尤其: 1.3,
  very: 1.4, so: 1.3, extremely: 1.8, really: 1.3, too: 1.3, super: 1.5, totally: 1.4, absolutely: 1.6,
  incredibly: 1.6, quite: 1.2, pretty: 1.1, most: 1.3, slightly: 0.5, somewhat: 0.6, kinda: 0.6, fairly: 0.9,
  highly: 1.4, completely: 1.5, utterly: 1.6, deeply: 1.4, truly: 1.3, bit: 0.6, such: 1.2,
};

/** Contrast: the clause after the marker outweighs the one before ("辛苦了，但是态度太差"). */
export const CONTRAST = ['但是', '但', '可是', '不过', '然而', '只是', 'but', 'however', 'though', 'nevertheless'];

/** Sentence-final question particles: praise inside a question is not asserted. */
export const QUESTION_PARTICLES = ['吗', '么', '呢', '嘛'];

/** Cues that turn praise sarcastic on Chinese social media (the emoticons are in emoticons.ts). */
export const SARCASM_WORDS = ['呵呵', '呵呵呵', '呵呵哒', '好一个', '真行', '可真行', '真有你的'];
