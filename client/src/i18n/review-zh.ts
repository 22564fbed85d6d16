import type { ReviewTag } from '../../../shared/contracts/review.js';

/** Strings of the tag review (corrections, queue, agreement); the Chinese dictionary is the reference shape. */
export interface ReviewDict {
  navQueue: string;
  navAgreement: string;
  queueTitle: string;
  queueIntro: string;
  queueEmpty: string;
  agreementTitle: string;
  agreementIntro: string;
  review: string;
  reviewOf: (author: string) => string;
  tag: Record<ReviewTag, string>;
  critical: string;
  confirm: string;
  save: string;
  cancel: string;
  saved: string;
  reviewed: string;
  uncertain: string;
  confidence: (tag: string, p: string) => string;
  reviewedCol: string;
  agreedCol: string;
  rateCol: string;
  uncertainCol: string;
  confidentCol: string;
  days: string;
  exportLabels: string;
  noReviews: string;
}

export const reviewZh: ReviewDict = {
  navQueue: '待复核',
  navAgreement: '标注一致性',
  queueTitle: '待复核的标注',
  queueIntro: '系统最没有把握的标注排在最前；把握相近时，传播越广越靠前。确认或改正后，该条即离开队列，统计同时更新。',
  queueEmpty: '没有待复核的标注。',
  agreementTitle: '研判人员与系统标注的一致性',
  agreementIntro: '每次确认或改正都记录在案：一致率即系统在人工复核样本上的实际准确率。',
  review: '复核标注',
  reviewOf: (author) => `复核 ${author} 的标注`,
  tag: { sentiment: '情感', emotion: '情绪', critical: '批评政府/警方', stance: '立场', topics: '话题' },
  critical: '批评政府/警方',
  confirm: '全部确认',
  save: '保存改正',
  cancel: '取消',
  saved: '已保存',
  reviewed: '已复核',
  uncertain: '待定',
  confidence: (tag, p) => `${tag}置信度 ${p}`,
  reviewedCol: '复核数',
  agreedCol: '一致数',
  rateCol: '一致率',
  uncertainCol: '低置信度标注',
  confidentCol: '高置信度标注',
  days: '按日',
  exportLabels: '导出复核结果（训练标注）',
  noReviews: '暂无复核记录',
};
