import type { IncidentAction, IncidentStatus } from '../../../shared/contracts/incidents.js';

/** Strings of the incident pages and the /live alert; the Chinese dictionary is the reference shape. */
export interface IncidentDict {
  title: string;
  handoverTitle: string;
  list: string;
  handover: string;
  status: Record<IncidentStatus, string>;
  statusLabel: string;
  filterLabel: string;
  filterActive: string;
  filterAll: string;
  empty: string;
  emptyActive: string;
  number: (id: number) => string;
  story: string;
  storyMissing: string;
  openedAt: string;
  assignee: string;
  unassigned: string;
  acknowledged: string;
  notAcknowledged: string;
  acknowledgedBy: (who: string) => string;
  score: string;
  scoreAtOpen: string;
  open: string;
  back: string;
  clock: {
    label: string;
    elapsed: (d: string) => string;
    toMark: (hours: number, left: string) => string;
    pastMarks: (hours: number) => string;
    stopped: (d: string) => string;
    allPassed: string;
    level: { ok: string; warning: string; overdue: string };
    marks: string;
    markNames: Record<5 | 24 | 48, string>;
    due: string;
    met: string;
    missed: string;
    pending: string;
  };
  duration: (hours: number, minutes: number) => string;
  reasons: string;
  /** Names of the scorer's signals (keys of RumourReasonView.signal); unknown keys show as they are. */
  signals: Record<string, string>;
  reasonsNone: string;
  reasonsAtOpenNote: string;
  evidence: string;
  queries: string;
  denies: string;
  spreaders: string;
  actions: string;
  officer: string;
  officerHint: string;
  officerSave: string;
  officerChange: string;
  officerNeeded: string;
  acknowledge: string;
  assign: string;
  assignPlaceholder: string;
  setStatus: string;
  note: string;
  noteRequired: string;
  notePlaceholder: string;
  save: string;
  clarification: string;
  clarificationUid: string;
  clarificationHint: string;
  link: string;
  saved: string;
  unchanged: string;
  history: string;
  action: Record<IncidentAction, string>;
  system: string;
  effect: string;
  effectNone: string;
  effectSource: { linked: string; detected: string };
  before: string;
  after: string;
  velocity: (minutes: number) => string;
  perHour: (n: string) => string;
  denyShare: string;
  queryShare: string;
  responses: string;
  reach: string;
  reachClarification: string;
  reachRumour: string;
  effectChart: (before: number, after: number) => string;
  effectChartTitle: string;
  mentionsPerBucket: (minutes: number) => string;
  known: string;
  knownText: (id: number, status: string, similarity: string) => string;
  knownOpen: string;
  printed: (when: string) => string;
  print: string;
  handoverEmpty: string;
  lastNote: string;
  alert: {
    title: (n: number) => string;
    view: string;
    dismiss: string;
    mute: string;
    unmute: string;
    soundBlocked: string;
  };
  navCount: (n: number) => string;
}

export const incidentsZh: IncidentDict = {
  title: '谣言处置',
  handoverTitle: '交接班清单',
  list: '事件列表',
  handover: '交接班',
  status: { open: '待处置', verifying: '核查中', clarified: '已辟谣', watching: '持续关注', dismissed: '已排除' },
  statusLabel: '状态',
  filterLabel: '按状态筛选',
  filterActive: '未结案',
  filterAll: '全部',
  empty: '没有符合条件的事件',
  emptyActive: '目前没有待处理的谣言事件',
  number: (id) => `事件 #${id}`,
  story: '传播内容',
  storyMissing: '（原帖未收录）',
  openedAt: '首次发现',
  assignee: '负责人',
  unassigned: '未指派',
  acknowledged: '已签收',
  notAcknowledged: '未签收',
  acknowledgedBy: (who) => `${who} 已签收`,
  score: '谣言指数',
  scoreAtOpen: '发现时指数',
  open: '查看',
  back: '返回事件列表',
  clock: {
    label: '响应时限',
    elapsed: (d) => `已过 ${d}`,
    toMark: (hours, left) => `距 ${hours} 小时节点还有 ${left}`,
    pastMarks: (hours) => `已超过 ${hours} 小时节点`,
    stopped: (d) => `已结案，用时 ${d}`,
    allPassed: '已超过全部时限',
    level: { ok: '正常', warning: '临近时限', overdue: '已超时' },
    marks: '时限节点',
    markNames: { 5: '5 小时：发布权威信息', 24: '24 小时：召开新闻发布会', 48: '48 小时：回应社会关切' },
    due: '截止',
    met: '已结案',
    missed: '已超过',
    pending: '进行中',
  },
  duration: (h, m) => (h > 0 ? `${h} 小时 ${m} 分` : `${m} 分钟`),
  reasons: '预警依据',
  signals: {
    rootWording: '原帖措辞像谣言',
    replyWording: '评论措辞（质疑、辟谣）',
    queries: '质疑的评论',
    denials: '否认的评论',
    claimCues: '传言用语（网传、紧急扩散等）',
    fearAnger: '恐惧与愤怒情绪',
    authority: '涉及警方或官员',
    source: '来源账号',
    reach: '覆盖面',
    pace: '评论涌入速度',
    velocity: '传播速度',
    officialAnswer: '官方已回应',
  },
  reasonsNone: '评分未提供详细依据',
  reasonsAtOpenNote: '（发现时的依据）',
  evidence: '证据帖文',
  queries: '质疑的评论',
  denies: '否认的评论',
  spreaders: '主要传播者',
  actions: '处置操作',
  officer: '操作人',
  officerHint: '输入您的姓名（仅用于记录操作人，不是登录）',
  officerSave: '确定',
  officerChange: '更换',
  officerNeeded: '请先填写操作人姓名',
  acknowledge: '签收',
  assign: '指派',
  assignPlaceholder: '负责人姓名',
  setStatus: '更新状态',
  note: '备注',
  noteRequired: '标记为“已辟谣”或“已排除”时必须填写备注',
  notePlaceholder: '核查结果、辟谣渠道等',
  save: '保存',
  clarification: '官方辟谣帖',
  clarificationUid: '帖文编号（平台:编号）',
  clarificationHint: '例如 weibo:4890123；只填编号时默认微博',
  link: '关联',
  saved: '已保存',
  unchanged: '没有变化',
  history: '处置记录',
  action: { opened: '系统发现并立案', known: '识别为已知谣言', acknowledged: '签收', assigned: '指派', status: '更新状态', clarification: '关联辟谣帖' },
  system: '系统',
  effect: '辟谣效果',
  effectNone: '尚未关联或检测到官方辟谣',
  effectSource: { linked: '由处置人员关联', detected: '系统检测到官方回应' },
  before: '辟谣前',
  after: '辟谣后',
  velocity: (m) => `传播速度（前后各 ${m} 分钟）`,
  perHour: (n) => `${n} 条/小时`,
  denyShare: '否认占比',
  queryShare: '质疑占比',
  responses: '评论与转发',
  reach: '覆盖粉丝',
  reachClarification: '辟谣覆盖',
  reachRumour: '谣言覆盖',
  effectChart: (b, a) => `事件声量随时间变化，辟谣前 ${b} 条，辟谣后 ${a} 条`,
  effectChartTitle: '声量变化',
  mentionsPerBucket: (m) => `每 ${m} 分钟条数`,
  known: '已知谣言',
  knownText: (id, status, sim) => `与事件 #${id}（${status}）高度相似（相似度 ${sim}）`,
  knownOpen: '查看之前的处置',
  printed: (when) => `生成时间：${when}`,
  print: '打印',
  handoverEmpty: '没有未结案的事件',
  lastNote: '最新备注',
  alert: {
    title: (n) => `${n} 起新的疑似谣言事件待处置`,
    view: '立即处置',
    dismiss: '暂时隐藏',
    mute: '关闭提示音',
    unmute: '开启提示音',
    soundBlocked: '浏览器阻止了提示音，点击页面任意处后可播放',
  },
  navCount: (n) => `${n} 起待签收`,
};
