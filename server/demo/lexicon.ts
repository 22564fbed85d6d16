/**
 * Slot fillers for the fictional city of 江城市 (Jiangcheng). All names are invented for the demo;
 * the licence plate prefix 江 belongs to no real province.
 */

export const CITY = '江城';

export const DISTRICTS = ['东湖区', '西城区', '南湖区', '北山区', '江北区', '高新区', '滨江新区', '老城区'] as const;
export const DISTRICTS_EN = ['Donghu', 'Xicheng', 'Nanhu', 'Beishan', 'Jiangbei', 'the Hi-Tech Zone', 'Binjiang', 'the Old Town'] as const;

export const ROADS = [
  '解放大道', '中山路', '江滨路', '人民路', '建设大道', '长青路', '青年路', '学府路', '环湖东路', '二环线',
  '三环线', '江城大桥', '江城二桥', '滨江隧道', '新华路', '胜利街', '友谊大道', '科技大道', '北山路', '南湖大道',
] as const;
export const ROADS_EN = ['Jiefang Avenue', 'Zhongshan Road', 'the Riverside Road', 'Renmin Road', 'the 2nd Ring Road', 'Jiangcheng Bridge', 'Xuefu Road', 'Science Avenue'] as const;

export const PLACES = [
  '江城火车站', '江城东站', '万象城', '步行街', '市一医院', '中心医院', '江城大学', '东湖公园', '地铁2号线',
  '地铁5号线', '人民广场', '体育中心', '夜市', '农贸市场', '滨江公园', '汽车客运站', '图书馆', '会展中心',
] as const;
export const PLACES_EN = ['the railway station', 'the metro', 'Line 2', 'the night market', 'the riverside park', 'the mall', 'the university', 'People\'s Square'] as const;

export const COMMUNITIES = ['阳光花园', '锦绣江南', '幸福里', '书香苑', '翠湖湾', '金色家园', '滨江一号', '桃源新村', '紫荆小区', '和平里'] as const;
export const STREETS = ['青山', '花园路', '桥口', '湖滨', '新华', '长丰', '东风', '白沙', '梅园', '月湖'] as const;
export const SCHOOLS = ['实验小学', '育才小学', '第三小学', '光明小学', '外国语学校', '第一中学'] as const;

export const TIMES = [
  '今天早上', '昨晚', '刚刚', '凌晨两点多', '下午四点左右', '晚高峰的时候', '早高峰', '中午', '周末', '半夜',
  '上午十点多', '傍晚', '前天晚上', '今天下午',
] as const;
export const TIMES_EN = ['this morning', 'last night', 'just now', 'around 5pm', 'during rush hour', 'at 2am', 'on Sunday'] as const;

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'] as const;
export const COLOURS = ['蓝色', '灰色', '红色', '黑色', '白色', '深绿色', '咖啡色'] as const;
export const FOODS = ['热干面', '小龙虾', '烧烤', '火锅', '奶茶', '豆皮', '煎饼', '螺蛳粉', '糖水', '炸鸡'] as const;
export const FOODS_EN = ['hot dry noodles', 'crayfish', 'hotpot', 'bubble tea', 'dumplings', 'BBQ skewers'] as const;

export const EMO_POS = ['[赞]', '[good]', '[给力]', '[心]', '[鼓掌]', '[哈哈]', '[爱你]', '[太开心]'] as const;
export const EMO_NEG = ['[怒]', '[泪]', '[衰]', '[抓狂]', '[怒骂]', '[允悲]', '[伤心]', '[生病]'] as const;
export const EMO_FUN = ['[doge]', '[吃瓜]', '[允悲]', '[二哈]', '[笑cry]', '[费解]', '[思考]', '[哈哈]'] as const;
export const EMO_FEAR = ['[吃惊]', '[泪]', '[害怕]', '[衰]', '[震惊]'] as const;

export const SLANG = [
  '吃瓜', '破防了', 'yyds', '蚌埠住了', '绝绝子', '笑死', '救命', '离谱', '家人们谁懂啊', '真的会谢',
  '无语子', '狠狠共情了', '我真的栓Q', '芭比Q了', 'emo了', '好家伙',
] as const;

export const OFFICIAL_HANDLES = ['@江城警方', '@江城交警', '@江城网警', '@江城反诈中心'] as const;

/** Hashtags by theme: Weibo writes them as #话题#. */
export const HASHTAGS = {
  chatter: ['#江城身边事#', '#今日江城#', '#打工人日常#', '#江城美食#'],
  praise: ['#警民一家亲#', '#最美警察#', '#江城警方暖心#', '#致敬人民警察#'],
  critical: ['#江城派出所不作为#', '#执法规范#', '#江城民生投诉#', '#警察态度#'],
  traffic: ['#江城交通#', '#江城拥堵#', '#酒驾醉驾#', '#江城交通事故#'],
  fraud: ['#江城反诈#', '#防范电信诈骗#', '#刷单诈骗#', '#冒充公检法诈骗#'],
  order: ['#江城治安#', '#江城身边事#', '#打架斗殴#', '#电动车被盗#'],
  missing: ['#江城寻人#', '#寻人启事#', '#走失老人#', '#帮忙扩散#'],
  weather: ['#江城暴雨#', '#台风来了#', '#江城积水#', '#江城天气#'],
  health: ['#江城健康#', '#流感高发#', '#食品安全#', '#江城疾控#'],
  rumour: ['#江城辟谣#', '#网传#', '#紧急扩散#'],
} as const;

export type Theme = keyof typeof HASHTAGS;
