import type { WordGroup } from './types.js';

/**
 * Chinese sentiment and emotion words, written for this project with police-account comment
 * sections in mind (praise of officers, complaints about inaction, rumour talk, internet slang).
 * Event nouns (诈骗, 事故) carry only a weak polarity so that a neutral notice about a fraud case
 * stays neutral. Every multi-character entry is also added to the segmenter's user dictionary, so
 * each one comes out of segmentation as a single token.
 */
export const ZH_WORDS: readonly WordGroup[] = [
  // joy
  [1.0, 'joy', '开心 高兴 快乐 愉快 欢乐 幸福 欣慰 喜悦 太好了 好开心 开森 美滋滋 乐坏了 欢喜 喜大普奔 大快人心 普天同庆 太棒了 爱了 爱了爱了 正能量 好评 暖心 有爱 点赞 点个赞 为你点赞 必须点赞'],
  [0.8, 'joy', '泰裤辣 哈哈哈 哈哈哈哈 嘻嘻 笑死 笑死我了 笑不活了 爽 庆幸 好消息 棒 真棒 好棒 棒棒哒 喜欢 温暖 骄傲 自豪 可爱 团聚 平安找到 找到了 落网 绝绝子 yyds 赞 赞赞赞 感动 兴奋 激动 期待已久'],
  [0.5, 'joy', '人间清醒 嘿嘿 乐 有意思 好玩 顺利 大团圆'],
  // approval and gratitude (no single emotion)
  [1.0, null, '感谢 感恩 致敬 好样的 给力 威武 尽职尽责 好人一生平安 敬佩 钦佩 佩服 赞赏 为民 为人民服务 有温度 伸张正义 雷厉风行 神速 效率高'],
  [0.8, null, '谢谢 多谢 辛苦了 辛苦 不错 优秀 出色 精彩 完美 满意 英雄 勇敢 尽职 敬礼 厉害 牛 牛逼 nb 666 6666 66666 666666 靠谱 加油 祝福 好人 守护 公正 公道 及时雨 欣赏 崇拜 值得 点赞的 负责任 称赞 赞美 表扬 良心 放心 安心 心安'],
  [0.6, null, '负责 专业 高效 及时 迅速 平安 帅 漂亮 正义 保护 救助 破案 归案 支持 公平 文明 透明 规范 有序 和谐 早日康复 保重 理解 认真 耐心 细心 热心 贴心 周到 用心 靠得住'],
  [0.3, null, '希望 期望 盼'],
  [0.5, null, '好 帮助 帮忙 救援 成功 抓获 安全 美 期待 稳 稳了 点个关注'],
  // anger
  [-1.0, 'anger', '愤怒 气愤 气死 气死了 气死我了 气炸了 可恶 混蛋 王八蛋 该死 岂有此理 无法无天 太过分 太过分了 欺人太甚 愤慨 忍无可忍 不能忍 嚣张 猖狂 无耻 不要脸 畜生 禽兽 丧心病狂 令人发指 残忍 黑心 缺德 仗势欺人 狗官 黑警 混账 暴怒 痛恨 憎恨 傻逼 草菅人命 欺压百姓 欺负老百姓 不负责任'],
  [-0.8, 'anger', '生气 过分 火大 恼火 发火 愤恨 霸道 打人 殴打 欺负 不满 谴责 烦死了 严惩 必须严惩 严惩不贷 枪毙 还我公道 给个说法 凭什么 滚 妈的 他妈的 tmd 抗议 欺诈 坑人 欺骗'],
  [-0.6, 'anger', '烦 讨个说法 搞什么 怒 恨'],
  // sadness
  [-1.0, 'sadness', '悲痛 心碎 绝望 痛心 沉痛 悲哀 痛苦 寒心 心寒 太惨了'],
  [-0.8, 'sadness', '难过 伤心 悲伤 失望 崩溃 悲剧 不幸 难受 心酸 哭了 大哭 泪奔 可怜 惨 遇难 太难了 失望透顶'],
  [-0.5, 'sadness', '社死 心疼 哀悼 遗憾 惋惜 可惜 哭 眼泪 无奈 郁闷 委屈 去世 身亡 死亡 受伤 倒霉 破防 破防了 破大防 被骗 走好 一路走好 节哀 安息 emo'],
  [-0.3, 'sadness', '殉职 牺牲 默哀 泪'],
  // fear
  [-0.8, 'fear', '害怕 可怕 恐怖 吓人 恐慌 吓死 吓死了 毛骨悚然 细思极恐 细思恐极 惊恐 恐惧 太可怕了 好可怕 胆战心惊 人心惶惶 不安全 瑟瑟发抖'],
  [-0.5, 'fear', '担心 担忧 不安 后怕 心慌 慌 提心吊胆 危险 不敢 吓 怕 好怕 吓坏了 着急 焦急 威胁 失踪 失联 走失'],
  // surprise (mostly neutral in polarity)
  [0.0, 'surprise', '尊嘟假嘟 震惊 惊呆 惊呆了 没想到 竟然 居然 天哪 天呐 我的天 卧槽 我去 不敢相信 难以置信 意外 吃惊 目瞪口呆 蚌埠住了 什么情况 啥情况 怎么回事 哇 哇塞 真没想到 万万没想到'],
  [-0.6, 'surprise', '离谱 太离谱 太离谱了 离了个大谱 匪夷所思 什么鬼'],
  // disgust
  [-1.0, 'disgust', '恶心 垃圾 人渣 败类 令人作呕 辣鸡 废物 智障 脑残 卑鄙 龌龊 可耻 恶臭 肮脏 垃圾玩意'],
  [-0.8, 'disgust', '鄙视 呸 反感 讨厌 下头 辣眼睛 吐了 作呕 丢人 丢脸 丑陋 什么玩意 膈应 不要脸的'],
  [-0.6, 'disgust', '真的会谢 栓q 无语 服了 醉了 奇葩 嫌弃 呵呵 呵呵呵 无语了 真服了 绝了'],
  // criticism of conduct (no single emotion; critical.ts decides who is criticised)
  [-1.0, null, '不作为 乱作为 暴力执法 粗暴执法 野蛮执法 钓鱼执法 态度恶劣 腐败 贪污 渎职 包庇 滥用职权 徇私枉法 官官相护 以权谋私 执法不公 吃拿卡要 差评 糟透了 坑爹 扯淡 胡扯'],
  [-0.8, null, '慢作为 庸政 不好 太差 很差 糟糕 烂 推诿 踢皮球 懒政 失职 黑幕 打官腔 敷衍 敷衍了事 粗暴 无能 不公 不公平 冤枉 黑暗 不道德 不靠谱 不专业 不满意 受不了 坑 没人管 推卸责任 甩锅 形同虚设 吃干饭 不闻不问 视而不见 袖手旁观 坐视不管 石沉大海 投诉无门 不处理 不立案 不受理 和稀泥 捂盖子 掩盖真相'],
  [-0.6, null, '开除 撤职 问责 追责 差 坏 不行 错误 混乱 官僚 形式主义 没用 失败 冤 损失 伤害 危害 骚扰 暴力 胡说 造谣 拖延 麻烦 脏 质疑 批评 抱怨 骗子 活该 拖着'],
  [-0.3, null, '摆烂 内卷 吵 乱 难 堵 拥堵 堵车 投诉 吐槽 尴尬 无聊 困难 谣言 传谣'],
  // whole phrases whose halves would mislead (see token-lookup.ts)
  [0, null, '不好意思 好不容易 不管怎样 无论如何 好好学习 天天向上 大好河山 恶心巴拉'],
  // event words: weak, so that a plain notice stays neutral
  [-0.15, null, '事故 违法 犯罪 诈骗 抢劫 盗窃 偷 杀人 车祸 火灾 暴雨 积水 内涝 台风 地震 疫情 吸毒 贩毒 赌博 酒驾 醉驾 逃逸'],
];
