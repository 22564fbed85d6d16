/**
 * Synthetic ~100-character microblog texts for the benchmark: phrases written for the project,
 * combined by a seeded generator so every run measures the same input.
 */
import { mulberry32 } from '../../shared/util/hash.js';

const ZH = [
  '网传东湖区某小学门口有人抢孩子，真的假的？', '江城交警在暴雨中指挥交通，辛苦了[赞]', '派出所民警态度恶劣，报警没人管[怒]',
  '冒充公检法的电话又来了，大家一定要警惕', '解放大道积水严重，公交停运，注意安全', '这个通报说了等于没说，蚌埠住了',
  '吃瓜群众表示围观，有没有官方消息', '//@小李:转发周知 //@江城生活:紧急扩散！', '寻人启事：一位老人在西城区走失，穿蓝色外套',
  '今天天气不错，去公园散步了[哈哈]', '已经辟谣了，别再传了', '反诈中心的提醒太及时了，yyds', '#江城暴雨# 地铁二号线临时停运',
];
const EN = [
  'Is this true? Heard police closed the bridge downtown', 'Thanks officers for the quick response last night!',
  'The police ignored my report for hours, useless.', 'This is fake, already debunked by the city police',
  'Heavy rain again, roads flooded near the station', 'Scam alert: calls pretending to be from the court',
  'RT @citynews: Missing child found safe, thanks to everyone who shared', 'Traffic is terrible on the ring road today',
];

/** `n` texts, `enShare` of them English, each about `chars` characters long. */
export function benchTexts(n: number, enShare = 0.3, chars = 100, seed = 42): { text: string; lang: 'zh' | 'en' }[] {
  const rnd = mulberry32(seed);
  const pick = (a: string[]) => a[Math.floor(rnd() * a.length)] as string;
  return Array.from({ length: n }, () => {
    const en = rnd() < enShare;
    let text = '';
    while (text.length < chars) text += (text ? (en ? ' ' : '，') : '') + pick(en ? EN : ZH);
    return { text: text.slice(0, chars), lang: en ? 'en' : 'zh' };
  });
}
