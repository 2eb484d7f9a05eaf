/**
 * The words of the reference data: kinds of place, and what a project may ask for (要素保障 kinds, units, pollutants).
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */
import type { Pollutant, RequestKind } from './request-kinds.js';

/** A county (县、市、区) or a development zone (园区). */
export const REGION_KIND_LABELS: Record<'county' | 'zone', string> = { county: '县（市、区）', zone: '园区' };

/** 要素保障: what a project asks for (docs/domain/requests.md). */
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  land: '用地',
  energy: '能耗',
  environment: '环境容量',
  funding: '资金',
  approval: '审批',
  utilities: '水电气',
  other: '其他',
};

/** The unit of each counted kind (src/requests/request-kinds.ts KIND_UNITS). */
export const UNIT_LABELS: Record<'mu' | 'tce' | 'tpa' | 'wan', string> = {
  mu: '亩',
  tce: '吨标准煤',
  tpa: '吨/年',
  wan: '万元',
};

/** 环境容量 is asked per pollutant (污染物排放总量指标). */
export const POLLUTANT_LABELS: Record<Pollutant, string> = {
  cod: '化学需氧量（COD）',
  ammonia: '氨氮',
  so2: '二氧化硫',
  nox: '氮氧化物',
  vocs: '挥发性有机物（VOCs）',
  particulates: '颗粒物',
};
