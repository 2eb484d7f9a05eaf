/**
 * The words of 招商 (docs/domain/attraction.md): a lead's statuses, events and fields, investor origins, the 差异化指标 statuses and the quarterly 通用指标.
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */
import {
  INDICATOR_KEYS,
  INDICATOR_LABELS,
  LEAD_EVENT_LABELS,
  LEAD_ORIGIN_LABELS,
  LEAD_STATUS_LABELS,
  NOTE_STATUS_LABELS,
  RATE_INDICATORS,
  type LeadEventType,
} from './lead-states.js';

export { INDICATOR_KEYS, INDICATOR_LABELS, LEAD_EVENT_LABELS, LEAD_ORIGIN_LABELS, LEAD_STATUS_LABELS, NOTE_STATUS_LABELS, RATE_INDICATORS };

/** A lead's fields as the forms name them (招商项目). */
export const LEAD_FIELD_LABELS = {
  name: '招商项目名称',
  investor: '投资方',
  origin: '投资方来源',
  chain: '产业链',
  region: '意向落地县（市、区）',
  intendedInvestment: '意向投资额（万元）',
  contact: '联系人',
  amount: '金额（万元）',
  month: '月份',
} as const;

/** What each lead event asks for, in the words of that event (签约 asks for 合同金额). */
export const LEAD_EVENT_FIELD_LABELS = {
  SIGN: { amount: '合同金额（万元）', date: '签约日期', agreementNo: '协议编号' },
  LAND: { date: '落地日期', code: '项目编码', ownerEnterprise: '建设单位', totalInvestment: '总投资（万元）', projectId: '关联已有项目（输入项目编码或名称选择）' },
  TERMINATE: { reason: '终止原因' },
} as const satisfies Record<LeadEventType, Record<string, string>>;
