/**
 * Cue phrases for "criticises the authorities": who is criticised (targets) and how (judgements),
 * plus praise and wrongdoer words that keep a negative text from counting as criticism of police.
 * Matched as substrings of the normalised own words (Latin ones as whole words).
 */
export const TARGETS = `
警察 民警 警方 派出所 公安 公安局 警官 辅警 交警 特警 刑警 巡警 网警 片警 所长 局长 警局 条子 阿sir
城管 政府 官员 领导 干部 执法 执法者 执法人员 有关部门 相关部门 职能部门 当地部门 主管部门 街道办 居委会 村委会
衙门 官方 当局 法院 检察院 公检法 纪委 市长 县长 书记 部门 狗官 黑警 父母官 12345 110
政府部门 国务院 中央 省委 市委 县委 党委 镇政府 乡政府 人大 政协 人大代表 委员 卫健委 卫生局 教育局 住建局 发改委 工商局 税务局
交管 车管所 机关 事业单位 体制 当官 官老爷 官僚 天朝 朝廷 红十字会 红会 央视 新华社 人民日报 官媒 喉舌 宣传部 维稳 城建 拆迁办
police cop cops officer officers policeman policemen government govt officials authorities authority department pd sheriff mayor
president minister ministry congress senate senator governor council councillor fbi cia regime administration politicians lawmakers
`;

export const JUDGEMENTS = `
不作为 乱作为 慢作为 懒政 庸政 失职 渎职 推诿 互相推诿 踢皮球 扯皮 打官腔 官腔 包庇 纵容 官官相护 保护伞 黑幕 内幕
腐败 贪污 受贿 贪官 狗官 黑警 滥用职权 以权谋私 徇私枉法 暴力执法 粗暴执法 野蛮执法 钓鱼执法 选择性执法 执法不公
态度恶劣 态度差 态度极差 态度太差 态度很差 粗暴 敷衍 敷衍了事 推卸责任 甩锅 和稀泥 官僚 官僚主义 形式主义 刁难 吃拿卡要
乱罚款 乱收费 罚款创收 欺负老百姓 欺压百姓 草菅人命 刑讯逼供 捂盖子 掩盖真相 删帖 封口 隐瞒 不透明 不公开
没人管 不管不问 不闻不问 视而不见 坐视不管 袖手旁观 管不管 有没有人管 谁来管 都不管 也不管 根本不管 不管事 管管吧
不处理 不立案 不受理 不回复 拖着不办 石沉大海 投诉无门 形同虚设 摆设 吃干饭 干什么吃的 干嘛吃的 在干什么 在干嘛
不专业 不及时 不负责 出警慢 出警太慢 半天不来 一直没人 没人接 打不通 没人理 不接电话 没人回 开除 该开除 撤职 免职 问责 追责 扒了警服 脱了警服 不配当 尸位素餐 无能 没用 废物 寒心 心寒 失望透顶 太失望 不负责任 警匪一家 官匪一家 欺软怕硬 双标 给个说法 还我公道
incompetent corrupt corruption brutality abuse abusive useless cover-up coverup negligence negligent misconduct
harassment harass harassed racist lazy disgrace disgraceful pathetic unjust injustice arrogant rude ignored excessive
failed did-nothing bully bullying acab overreach
`;

/** Phrases that need the space they contain (the lists above split on whitespace). */
export const JUDGEMENT_PHRASES = [
  'police brutality', 'excessive force', 'abuse of power', 'cover up', 'do nothing', 'did nothing', 'doing nothing',
  'not doing their job', "didn't do anything", 'shame on', 'failed us', 'no accountability', 'power trip',
];

/** Praise: a text that thanks or commends the police is not criticism even with a sad or angry word. */
export const PRAISE = `
感谢 谢谢 多谢 辛苦了 辛苦 点赞 致敬 好样的 给力 威武 暖心 敬礼 英雄 守护 保护神 靠谱 及时 高效 专业 尽职 尽职尽责
为民 为人民服务 负责任 雷厉风行 神速 佩服 敬佩 赞 好警察 人民的好警察 平安 点个赞
thank thanks heroes hero kudos bravo salute respect appreciate grateful well-done great-job
`;

/**
 * Wrongdoers: anger at a suspect ("骗子太可恶了，警察快抓他") is not criticism of the police, so
 * their presence turns off the sentiment-only path (an explicit judgement still counts).
 */
export const WRONGDOERS = `
嫌疑人 犯罪嫌疑人 嫌犯 枪手 袭击者 恐怖分子 骗子 诈骗分子 犯罪分子 罪犯 人贩子 小偷 歹徒 凶手 毒贩 肇事者 肇事司机 施暴者 坏人 人渣 醉驾司机 酒驾司机
suspect suspects gunman gunmen shooter shooters attacker attackers terrorist terrorists hijacker kidnapper criminal criminals scammer scammers thief thieves robber robbers murderer killer offender perpetrator gang
`;

/** Reports of what the authorities said or did: their negative tone is the event's, not a judgement. */
export const REPORTS = [
  '通报', '警情通报', '警方通报', '情况通报', '警方提醒', '警方表示', '据警方', '警方称', '警方介绍', '已被控制', '已被抓获', '已被刑拘', '正在调查', '已介入',
  'police say', 'police said', 'police says', 'according to police', 'police confirm', 'police confirmed', 'police are investigating', 'police report', 'police reported',
];

/** "谁说警察不作为？" denies the judgement it contains. */
export const RHETORICAL_DENIAL = /谁说|谁讲|谁敢说/;

/** Negations right before a judgement ("没有推诿") cancel it. */
export const JUDGEMENT_NEGATORS = /(?:没有|没|不|未|并未|从不|从未|绝不|毫不|并不|not|no|never|n't)\s?$/;

export function cueList(block: string): string[] {
  return block
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (/^[a-z]+(-[a-z]+)+$/.test(w) && w !== 'cover-up' ? w.replace(/-/g, ' ') : w));
}
