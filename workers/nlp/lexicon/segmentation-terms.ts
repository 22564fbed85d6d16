/**
 * Terms the segmenter must keep whole although the bundled jieba dictionary splits them: police and
 * legal vocabulary, rumour talk, and internet slang. (Lexicon words and cue phrases are added to the
 * user dictionary as well; see segment.ts.)
 */
export const SEGMENTATION_TERMS = `
辟谣 网传 谣言 造谣 传谣 信谣 造谣传谣 不信谣不传谣 谣言止于智者 网络谣言 不实信息 已辟谣 官方辟谣 求辟谣 求证
真的假的 是真的吗 是不是真的 是不是谣言 有图有真相 吃瓜 吃瓜群众 围观群众 蹲后续 求后续
公检法 冒充公检法 刑事拘留 行政拘留 刑拘 行拘 取保候审 批捕 立案侦查 依法处理 依法查处 犯罪嫌疑人 嫌疑人 嫌犯
警情通报 警方通报 情况通报 蓝底白字 民警 辅警 交警 特警 刑警 巡警 网警 警察叔叔 人民警察 派出所 公安局 公安分局
网安 网安支队 反诈 反诈中心 国家反诈中心 电信诈骗 电诈 网络诈骗 刷单返利 杀猪盘 裸聊 跑分 洗钱 冒充客服 养老诈骗 网赌
扫黑除恶 保护伞 禁毒 涉毒 吸毒 贩毒 毒贩 酒驾 醉驾 肇事逃逸 闯红灯 寻人启事 走失 失联 报警 出警 接警 警情
城管 执法 执法人员 暴力执法 钓鱼执法 不作为 乱作为 慢作为 踢皮球 打官腔 懒政 黑警 官官相护 吃拿卡要 态度恶劣 没人管
绝绝子 yyds 破防 破防了 破大防 蚌埠住了 离了个大谱 太难了 内卷 躺平 摆烂 社死 下头 上头 栓q 泰裤辣 笑不活了 细思极恐
有一说一 人间清醒 真的会谢 尊嘟假嘟 点赞 点个赞 无语 离谱 6666 666
`;
