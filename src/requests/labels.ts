/**
 * The words of a 要素保障 request or problem: its statuses, events, the three lists, the
 * enterprise's evaluation, the channels, how the enterprise is told, the month's carry marks and
 * the 共性 groups. Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts
 * gathers every module's labels), so it imports nothing but plain modules.
 */
import type {
  CarryMark,
  EvaluationRating,
  FeedbackMethod,
  GroupEventType,
  GroupStatus,
  RequestCategory,
  RequestChannel,
  RequestEventType,
  RequestStatus,
} from './request-states.js';

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  raised: '已提出',
  accepted: '已受理',
  resolved: '已办结（待反馈）',
  answered: '已反馈（待评价）',
  closed: '已关闭',
  returned: '已退回',
  escalated: '已提交常务会',
  decided: '常务会已议定（督办中）',
};

export const REQUEST_EVENT_LABELS: Record<RequestEventType | 'RAISE', string> = {
  RAISE: '提出需求',
  ACCEPT: '受理研判',
  RESOLVE: '办结',
  FEEDBACK: '反馈企业',
  RETURN: '退回',
  EVALUATE: '评价',
  ESCALATE: '提交市政府常务会',
  DECIDE: '记录常务会议定',
};

/** The month's three problem lists. */
export const REQUEST_CATEGORY_LABELS: Record<RequestCategory, string> = {
  simple: '简单',
  frequent: '高频',
  complex: '复杂',
};

export const EVALUATION_LABELS: Record<EvaluationRating, string> = {
  satisfied: '满意',
  basically: '基本满意',
  dissatisfied: '不满意',
};

/** Where a problem came in (000 §四(五)). */
export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, string> = {
  hotline: '企业热线',
  appeal: '企业诉求通',
  commissioner: '专员走访',
  patrol: '巡链',
  monthly: '月调度',
  other: '其他',
};

/** How the enterprise was told (反馈方式). */
export const FEEDBACK_METHOD_LABELS: Record<FeedbackMethod, string> = {
  phone: '电话',
  visit: '上门',
  letter: '书面',
  meeting: '座谈会',
  online: '线上平台',
  other: '其他',
};

/** A month's list item: 新增 (raised in the month), 结转 (carried over), 本月办结 (closed in the month). */
export const CARRY_LABELS: Record<CarryMark, string> = {
  new: '新增',
  carried: '结转',
  closed: '本月办结',
};

export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = {
  proposed: '待确认',
  confirmed: '已确认',
  resolved: '已统一办结',
  dismissed: '不予合并',
};

export const GROUP_EVENT_LABELS: Record<GroupEventType, string> = {
  CONFIRM: '确认共性问题',
  RESOLVE: '统一办结',
  DISMISS: '不予合并',
};
