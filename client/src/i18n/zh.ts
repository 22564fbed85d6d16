import type { Emotion, SentimentLabel, Stance } from '../../../shared/contracts/tags.js';
import { accountsZh, type AccountsDict } from './accounts-zh.js';
import { alertsZh, type AlertsDict } from './alerts-zh.js';
import { alertsAdminZh, type AlertsAdminDict } from './alerts-admin-zh.js';
import { incidentsZh, type IncidentDict } from './incidents-zh.js';
import { reportsZh, type ReportsDict } from './reports-zh.js';
import { reviewZh, type ReviewDict } from './review-zh.js';

/**
 * The Chinese dictionary is the reference: its type is the shape every other language must fill,
 * so a missing English string is a compile error rather than a blank label.
 */
export interface Dict {
  appName: string;
  appTagline: string;
  nav: { live: string; analyst: string; summary: string; incidents: string; main: string };
  language: { label: string; zh: string; en: string };
  theme: { label: string; system: string; light: string; dark: string };
  wall: { title: string; exit: string; panelOf: (i: number, n: number) => string };
  connection: { label: string; connecting: string; connected: string; reconnecting: string; offline: string };
  common: {
    loading: string;
    retry: string;
    error: string;
    unreachable: string;
    offlineBanner: string;
    none: string;
    close: string;
    all: string;
    yes: string;
    no: string;
    unknownAuthor: string;
    mentions: string;
    skipToContent: string;
    source: string;
  };
  sentiment: Record<SentimentLabel, string> & { label: string; score: string };
  emotion: Record<Emotion, string> & { label: string };
  stance: Record<Stance, string> & { label: string };
  kind: { post: string; repost: string; reply: string };
  metrics: { reposts: string; comments: string; likes: string; engagement: string; followers: string };
  live: {
    title: string;
    volume: string;
    volumeAria: (total: number, minutes: number, last: number) => string;
    totalInWindow: (minutes: number) => string;
    negativeShare: string;
    criticalShare: string;
    ofTotal: (n: number) => string;
    topics: string;
    topicsEmpty: string;
    criticalFeed: string;
    criticalEmpty: string;
    rumours: string;
    rumoursEmpty: string;
    rumourScore: string;
    queries: string;
    denies: string;
    size: string;
    firstSeen: string;
    openStory: string;
    storyNoText: string;
    waiting: string;
  };
  analyst: {
    title: string;
    filters: string;
    range: string;
    ranges: { '1h': string; '24h': string; '7d': string; '30d': string; all: string; custom: string };
    from: string;
    to: string;
    topic: string;
    critical: string;
    criticalOnly: string;
    criticalNot: string;
    platform: string;
    region: string;
    story: string;
    keyword: string;
    keywordPlaceholder: string;
    apply: string;
    reset: string;
    exportCsv: string;
    results: (n: number, more: boolean) => string;
    empty: string;
    loadMore: string;
    time: string;
    text: string;
    author: string;
    tags: string;
    sortBy: (column: string, order: string) => string;
    ascending: string;
    descending: string;
    openThread: string;
    invalidRange: string;
  };
  thread: {
    title: string;
    root: string;
    replies: string;
    reposts: string;
    rootMissing: string;
    selected: string;
  };
  summary: {
    title: string;
    date: string;
    previousDay: string;
    nextDay: string;
    today: string;
    print: string;
    totals: string;
    total: string;
    change: (pct: string) => string;
    noChange: string;
    newVsZero: string;
    previousWas: (n: number) => string;
    byHour: string;
    topTopics: string;
    topCritical: string;
    largestStories: string;
    rumoursFlagged: string;
    emotions: string;
    nothing: string;
    generatedIn: (tz: string) => string;
  };
  incidents: IncidentDict;
  review: ReviewDict;
  accounts: AccountsDict;
  reports: ReportsDict;
  alerts: AlertsDict;
  alertsAdmin: AlertsAdminDict;
  notFound: string;
}

export const zh: Dict = {
  appName: '舆情监测',
  appTagline: '公安政务微博舆情',
  nav: { live: '实时值守', analyst: '研判分析', summary: '每日简报', incidents: '谣言处置', main: '主导航' },
  language: { label: '语言', zh: '中文', en: 'English' },
  theme: { label: '配色', system: '跟随系统', light: '浅色', dark: '深色' },
  wall: { title: '大屏值班', exit: '退出大屏', panelOf: (i, n) => `第 ${i} / ${n} 屏` },
  connection: { label: '实时连接', connecting: '连接中', connected: '已连接', reconnecting: '重新连接中', offline: '离线' },
  common: {
    loading: '加载中…',
    retry: '重试',
    error: '出错了',
    unreachable: '无法连接服务器，请检查网络或稍后重试。',
    offlineBanner: '无法连接服务器：实时数据已暂停，恢复连接后将自动更新。',
    none: '无',
    close: '关闭',
    all: '全部',
    yes: '是',
    no: '否',
    unknownAuthor: '匿名用户',
    mentions: '条',
    skipToContent: '跳到正文',
    source: '查看原文',
  },
  sentiment: { label: '情感', score: '情感分', positive: '正面', neutral: '中性', negative: '负面' },
  emotion: { label: '情绪', joy: '喜悦', anger: '愤怒', sadness: '悲伤', fear: '恐惧', surprise: '惊讶', disgust: '厌恶', none: '无' },
  stance: { label: '立场', support: '支持', deny: '否认', query: '质疑', comment: '评论' },
  kind: { post: '原帖', repost: '转发', reply: '评论' },
  metrics: { reposts: '转发', comments: '评论', likes: '点赞', engagement: '互动量', followers: '粉丝' },
  live: {
    title: '实时值守',
    volume: '每分钟声量（按情感）',
    volumeAria: (total, minutes, last) => `近${minutes}分钟声量图：共${total}条，最近一分钟${last}条`,
    totalInWindow: (minutes) => `近${minutes}分钟总量`,
    negativeShare: '负面占比',
    criticalShare: '批评性言论占比',
    ofTotal: (n) => `共 ${n} 条`,
    topics: '话题分布',
    topicsEmpty: '暂无话题数据',
    criticalFeed: '批评性言论（实时）',
    criticalEmpty: '近一小时暂无批评性言论',
    rumours: '疑似谣言',
    rumoursEmpty: '暂无疑似谣言',
    rumourScore: '谣言指数',
    queries: '质疑',
    denies: '否认',
    size: '规模',
    firstSeen: '首次出现',
    storyNoText: '（原帖未收录，仅有转发或评论）',
    openStory: '查看相关言论',
    waiting: '等待实时数据…',
  },
  analyst: {
    title: '研判分析',
    filters: '筛选条件',
    range: '时间范围',
    ranges: { '1h': '近1小时', '24h': '近24小时', '7d': '近7天', '30d': '近30天', all: '全部', custom: '自定义' },
    from: '开始',
    to: '结束',
    topic: '话题',
    critical: '批评性',
    criticalOnly: '仅批评性',
    criticalNot: '非批评性',
    platform: '平台',
    region: '地区',
    story: '事件',
    keyword: '关键词',
    keywordPlaceholder: '输入关键词，如：辟谣',
    apply: '查询',
    reset: '重置',
    exportCsv: '导出 CSV',
    results: (n, more) => `已显示 ${n} 条${more ? '，还有更多' : ''}`,
    empty: '没有符合条件的言论',
    loadMore: '加载更多',
    time: '时间',
    text: '内容',
    author: '作者',
    tags: '标签',
    sortBy: (column, order) => `按${column}排序（当前：${order}）`,
    ascending: '升序',
    descending: '降序',
    openThread: '查看会话',
    invalidRange: '开始时间须早于结束时间',
  },
  thread: {
    title: '会话详情',
    root: '原帖',
    replies: '评论',
    reposts: '转发',
    rootMissing: '原帖尚未收录',
    selected: '当前选中',
  },
  summary: {
    title: '每日简报',
    date: '日期',
    previousDay: '前一天',
    nextDay: '后一天',
    today: '今天',
    print: '打印',
    totals: '总体情况',
    total: '总声量',
    change: (pct) => `较前一日 ${pct}`,
    noChange: '与前一日持平',
    newVsZero: '前一日无数据',
    previousWas: (n) => `前一日 ${n}`,
    byHour: '分时情感分布',
    topTopics: '热点话题',
    topCritical: '互动量最高的批评性言论',
    largestStories: '主要事件',
    rumoursFlagged: '需澄清的疑似谣言',
    emotions: '情绪分布',
    nothing: '无',
    generatedIn: (tz) => `时区：${tz}`,
  },
  incidents: incidentsZh,
  review: reviewZh,
  accounts: accountsZh,
  reports: reportsZh,
  alerts: alertsZh,
  alertsAdmin: alertsAdminZh,
  notFound: '页面不存在',
};
