/**
 * The words of who answers for what (docs/domain/responsibility.md): the posts a person holds on
 * a chain or a project, the two kinds of 专员, the kinds of 链长 activity and the five of "5个1".
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */
import type { ActivityKind, CommissionerKind, ResponsibleRole } from './people.types.js';

export const RESPONSIBLE_ROLE_LABELS: Record<ResponsibleRole, string> = {
  chainLeader: '链长',
  cityLeader: '市级包联领导',
  countyLeader: '县级包联领导',
  commissioner: '服务专员',
};

/** 助企远航服务专员 (001) or 土地服务专员 (000). */
export const COMMISSIONER_KIND_LABELS: Record<CommissionerKind, string> = {
  enterprise: '助企远航服务专员',
  land: '土地服务专员',
};

/** 001: 链长 "巡链", 总链长 "问链", 专家 "诊链", the monthly 链长制工作调度会议, 融链固链 matching. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  patrol: '巡链',
  inquiry: '问链',
  diagnosis: '诊链',
  meeting: '调度会',
  matching: '融链固链对接',
};

/** The "5个1" (001), in the document's order. */
export const FIVE_ONES_LABELS: Record<'leader' | 'department' | 'plan' | 'measures' | 'anchors', string> = {
  leader: '一名市级领导牵头（链长）',
  department: '一个责任部门推进',
  plan: '一个工作方案落实',
  measures: '一套支持措施配套',
  anchors: '一个“链主”企业领航',
};
