import type { TopicConfigInput, TopicRule } from '../contracts/topics.js';

/**
 * The topic configuration shipped for a police department's accounts, used until admins save
 * their own. Pure data; semantics in contracts/topics.ts. The "all" list of a rule cannot say
 * "one of these authorities", so topics that need "authority AND judgement" have one rule per
 * authority word (see `perTarget`).
 */
type RuleInput = Partial<Pick<TopicRule, 'any' | 'all' | 'none'>>;

const words = (s: string): string[] => s.split('|').filter(Boolean);

/** One rule per target word: the target plus any of the cue words. */
function perTarget(targets: string, any: string): RuleInput[] {
  return words(targets).map((t) => ({ all: [t], any: words(any) }));
}

const POLICE_ZH = '警察|民警|警方|派出所|交警|辅警|特警|刑警|巡警|公安|城管|执法人员';
const POLICE_EN = 'police|cops|officers|officer|sheriff';

export const DEFAULT_TOPICS: TopicConfigInput = {
  version: 1,
  places: [],
  topics: [
    {
      id: 'traffic',
      name: { zh: '交通', en: 'Traffic' },
      rules: [
        {
          any: words(
            '交通|车祸|交通事故|追尾|相撞|侧翻|堵车|拥堵|红绿灯|闯红灯|酒驾|醉驾|肇事|肇事逃逸|交警|违章|违停|限行|封路|绕行|' +
              '高速公路|高速路|路口|电动车|头盔|驾照|扣分|罚单|超速|公交|地铁|停运|斑马线|行人|司机|' +
              'traffic|car crash|collision|drunk driving|drink driving|dui|speeding|road closure|highway|pileup|hit and run|motorway',
          ),
        },
      ],
      exclude: words('交通银行|交通大学|交大|网络交通|crash course|market crash'),
    },
    {
      id: 'fraud',
      name: { zh: '诈骗/反诈', en: 'Fraud' },
      rules: [
        {
          any: words(
            '诈骗|骗子|被骗|电诈|电信诈骗|网络诈骗|反诈|反诈中心|刷单|刷单返利|杀猪盘|冒充公检法|冒充客服|裸聊|敲诈|跑分|洗钱|' +
              '骗局|养老诈骗|虚假投资|冒充领导|冒充熟人|' +
              'scam|scammer|scammed|fraud|fraudster|phishing|con artist|ponzi|impersonating',
          ),
        },
        { all: ['验证码'], any: words('陌生|别告诉|不要告诉|泄露|转账') },
        { all: ['转账'], any: words('陌生人|安全账户|冒充|客服') },
      ],
      exclude: [],
    },
    {
      id: 'public_order',
      name: { zh: '治安', en: 'Public order' },
      rules: [
        {
          any: words(
            '治安|打架|斗殴|打架斗殴|抢劫|盗窃|小偷|偷窃|入室|持刀|砍人|伤人|行凶|凶杀|命案|杀人|群殴|寻衅滋事|聚众|扰民|' +
              '醉酒闹事|抢孩子|人贩子|猥亵|性侵|强奸|家暴|拐卖|绑架|扫黑除恶|黑恶势力|枪支|纵火|抢夺|诈骗团伙|' +
              'fight|brawl|robbery|burglary|theft|stabbing|shooting|assault|murder|homicide|arson|riot|kidnapping|mugging|vandalism',
          ),
        },
      ],
      exclude: words('杀人游戏|剧本杀|shooting star|photo shoot|pillow fight'),
    },
    {
      id: 'missing_persons',
      name: { zh: '寻人', en: 'Missing persons' },
      rules: [
        {
          any: words(
            '寻人|寻人启事|走失|失踪|失联|找孩子|离家出走|下落不明|老人走失|儿童走失|平安找到|已找到|孩子丢了|' +
              'missing person|missing child|missing girl|missing boy|missing man|missing woman|missing teen|amber alert|last seen|have you seen',
          ),
        },
        { all: ['missing'], any: words('child|kid|boy|girl|man|woman|elderly|teen|police|found safe|family') },
      ],
      exclude: words('失联飞机|missing out'),
    },
    {
      id: 'police_conduct',
      name: { zh: '执法与警务作风', en: 'Police conduct' },
      rules: [
        {
          any: words(
            '暴力执法|粗暴执法|野蛮执法|钓鱼执法|选择性执法|执法不公|不作为|乱作为|慢作为|态度恶劣|推诿|踢皮球|打官腔|渎职|失职|' +
              '包庇|保护伞|滥用职权|刑讯逼供|警风|警务作风|执法记录仪|黑警|警匪一家|出警慢|' +
              'police brutality|excessive force|police misconduct|abuse of power|bodycam|body cam|body camera',
          ),
        },
        ...perTarget(POLICE_ZH, '投诉|态度差|态度很差|不管|没人管|不处理|不立案|不受理|拖着|敷衍|粗暴|打人|推搡|执法|腐败|受贿'),
        ...perTarget(POLICE_EN, 'complaint|rude|abuse|corrupt|corruption|misconduct|ignored|useless|brutal|brutality|harassment|accountability'),
      ],
      exclude: [],
    },
    {
      id: 'weather_disaster',
      name: { zh: '天气灾害', en: 'Weather and disasters' },
      rules: [
        {
          any: words(
            '暴雨|大暴雨|暴雪|台风|洪水|洪涝|内涝|积水|泥石流|山体滑坡|滑坡|地震|冰雹|雷暴|大风|寒潮|高温|干旱|森林火灾|山火|' +
              '红色预警|橙色预警|黄色预警|蓝色预警|暴雨预警|气象预警|防汛|抗洪|救灾|受灾|灾情|停课|道路结冰|大雾|' +
              'flood|flooding|typhoon|hurricane|earthquake|heavy rain|rainstorm|snowstorm|landslide|wildfire|heatwave|tornado|blizzard',
          ),
        },
      ],
      exclude: words('头脑风暴|舆论风暴|brainstorm|shitstorm|flood of|earthquake of'),
    },
    {
      id: 'public_health',
      name: { zh: '公共卫生', en: 'Public health' },
      rules: [
        {
          any: words(
            '疫情|新冠|传染病|流感|疫苗|核酸|发热门诊|食物中毒|食品安全|疾控|疾控中心|防疫|病例|确诊|诺如|登革热|狂犬病|' +
              '公共卫生|卫健委|集体中毒|' +
              'covid|outbreak|vaccine|vaccination|food poisoning|epidemic|pandemic|quarantine|flu|public health',
          ),
        },
        // Bare "virus"/"infection" words are also about computers and phones.
        { any: words('病毒|感染|virus|infection'), none: words('电脑|手机|计算机|木马|勒索|软件|computer|malware|phone') },
      ],
      exclude: words('电脑病毒|计算机病毒|木马病毒|勒索病毒|病毒式|computer virus|viral video'),
    },
    {
      id: 'cybercrime',
      name: { zh: '网络犯罪', en: 'Cybercrime' },
      rules: [
        {
          any: words(
            '网络犯罪|黑客|网络攻击|木马|钓鱼网站|钓鱼链接|信息泄露|数据泄露|个人信息泄露|侵犯公民个人信息|网赌|网络赌博|暗网|' +
              '网安|网警|勒索病毒|盗号|账号被盗|网络暴力|网暴|人肉搜索|开盒|' +
              'hacker|hacked|hacking|phishing|data breach|ransomware|malware|cybercrime|identity theft|doxxing|cyberbullying',
          ),
        },
      ],
      exclude: words('黑客松|hackathon'),
    },
    {
      id: 'drugs',
      name: { zh: '禁毒', en: 'Drugs' },
      rules: [
        {
          any: words(
            '毒品|吸毒|贩毒|制毒|涉毒|禁毒|冰毒|海洛因|摇头丸|k粉|笑气|毒贩|缉毒|戒毒|吸食|' +
              'drug trafficking|drug dealer|drug dealing|narcotics|meth|heroin|cocaine|fentanyl|drug bust|overdose',
          ),
        },
        { any: words('大麻|cannabis|marijuana'), none: words('大麻烦|麻烦') },
      ],
      exclude: [],
    },
    {
      id: 'rumour',
      name: { zh: '谣言与辟谣', en: 'Rumours' },
      rules: [
        {
          any: words(
            '谣言|辟谣|造谣|传谣|网传|不实|虚假信息|假消息|假新闻|求证|真的假的|是真的吗|网络谣言|澄清|谣言止于智者|' +
              'rumor|rumour|hoax|fake news|misinformation|disinformation|debunk|debunked|fact check',
          ),
        },
      ],
      exclude: [],
    },
    {
      id: 'praise',
      name: { zh: '点赞警察', en: 'Praise for police' },
      rules: [
        { any: words('警察叔叔辛苦了|人民的好警察|最美警察|最美民警|好警察|为民警点赞|为警察点赞|致敬人民警察|点赞民警') },
        ...perTarget('警察|民警|交警|辅警|警方|派出所|特警|消防', '点赞|致敬|感谢|谢谢|辛苦了|好样的|敬礼|暖心|英雄|威武|给力'),
        ...perTarget(POLICE_EN, 'thank|thanks|heroes|hero|great job|well done|kudos|grateful|salute'),
      ],
      exclude: [],
    },
  ],
};
