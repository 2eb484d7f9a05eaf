/**
 * The words of a 要素保障 request: its statuses, events, the three lists and the county's evaluation.
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */
import type { EvaluationRating, RequestCategory, RequestEventType, RequestStatus } from './request-states.js';

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  raised: '已提出',
  accepted: '已受理',
  resolved: '已办结（待评价）',
  closed: '已关闭',
  returned: '已退回',
  escalated: '已提交常务会',
};

export const REQUEST_EVENT_LABELS: Record<RequestEventType | 'RAISE', string> = {
  RAISE: '提出需求',
  ACCEPT: '受理研判',
  RESOLVE: '办结',
  RETURN: '退回',
  EVALUATE: '评价',
  ESCALATE: '提交市政府常务会',
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
