import { INDICATOR_KEYS, type IndicatorKey } from '../plans/labels.js';

/**
 * 招商 as plain data: a lead's statuses and events, the investor's origin, the 差异化指标 statuses
 * and the quarterly 通用指标 (docs/domain/attraction.md). Names are the API's; labels are what
 * users read (src/common/labels.ts re-exports them for the pages).
 */
export const LEAD_STATUSES = ['negotiating', 'signed', 'landed', 'terminated'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  negotiating: '在谈',
  signed: '签约',
  landed: '落地',
  terminated: '终止',
};

export const LEAD_EVENT_TYPES = ['SIGN', 'LAND', 'TERMINATE'] as const;
export type LeadEventType = (typeof LEAD_EVENT_TYPES)[number];

export const LEAD_EVENT_LABELS: Record<LeadEventType, string> = {
  SIGN: '签约',
  LAND: '落地',
  TERMINATE: '终止',
};

/** Where the investor comes from (投资方来源). */
export const LEAD_ORIGINS = ['inProvince', 'outOfProvince', 'abroad'] as const;
export type LeadOrigin = (typeof LEAD_ORIGINS)[number];

export const LEAD_ORIGIN_LABELS: Record<LeadOrigin, string> = {
  inProvince: '省内',
  outOfProvince: '省外',
  abroad: '境外',
};

/** The status a chain team keeps for its 差异化指标. */
export const NOTE_STATUSES = ['notStarted', 'inProgress', 'done', 'behind'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

export const NOTE_STATUS_LABELS: Record<NoteStatus, string> = {
  notStarted: '未开始',
  inProgress: '推进中',
  done: '已完成',
  behind: '滞后',
};

/** The other 通用指标 a chain team files each quarter (the plan's definition): rates in percent (one decimal), counts. */
export { INDICATOR_KEYS, type IndicatorKey };

/** Rates are compared with their target directly; counts against target × Q/4. */
export const RATE_INDICATORS: readonly IndicatorKey[] = ['revenueGrowthPct', 'valueAddedGrowthPct', 'loanGrowthPct'];

export const INDICATOR_LABELS: Record<IndicatorKey, string> = {
  revenueGrowthPct: '规上企业营业收入增幅（%）',
  valueAddedGrowthPct: '规上企业增加值增幅（%）',
  newAboveScale: '新增规上企业（家）',
  newQuality: '新增省级以上优质企业（家）',
  newHighTech: '新增高新技术企业（家）',
  newInnovationPlatforms: '新增建有市级以上创新平台企业（家）',
  loanGrowthPct: '贷款余额增幅（%）',
};

export function isLeadStatus(value: string): value is LeadStatus {
  return (LEAD_STATUSES as readonly string[]).includes(value);
}
