/**
 * Shapes of the 招商 data the API returns (docs/domain/attraction.md), in a plain file: the
 * board's types (src/targets/dashboard.types.ts) and the pages' type check read them too.
 * Money is integer 万元; rates in percent (one decimal); counts of enterprises (家).
 */
import type { AttractionFigure, CountAgainstTarget } from '../rules/index.js';
import type { IndicatorKey, LeadEventType, LeadOrigin, LeadStatus, NoteStatus } from './lead-states.js';

export type { AttractionFigure, CountAgainstTarget } from '../rules/index.js';

/** One quarter's latest filing of a chain's other 通用指标, year to date. */
export type IndicatorValues = Record<IndicatorKey, number | null>;

export interface IndicatorFiling extends IndicatorValues {
  year: number;
  quarter: number;
  revision: number;
  note: string | null;
  actor: string;
  recordedAt: string;
}

/** The status and note a chain team keeps for its 差异化指标. */
export interface ChainNoteView {
  year: number;
  status: NoteStatus;
  note: string | null;
  revision: number;
  actor: string;
  recordedAt: string;
}

/** One chain's 招商 on the board, with its latest indicator filing and 差异化指标 status. */
export interface AttractionChainRow {
  code: string;
  no: number;
  name: string;
  flagship: boolean;
  signed: AttractionFigure;
  funded: AttractionFigure;
  /** Deals signed in the period (not terminated by then). */
  signedCount: number;
  /** Of them, contracts ≥ 1亿 (过亿元), against the plan's count where it names one. */
  signedOver100m: CountAgainstTarget;
  /** Leads landed in the period (by landing date), against the plan's count where it names one. */
  landed: CountAgainstTarget;
  /**
   * Projects attracted from outside (招商引进) entering the library in the period at or above the plan
   * row's size (`thresholdWan`, 万元; null: not counted), against its count ("招引投资过30亿元项目").
   */
  attractedOver: CountAgainstTarget & { thresholdWan: number | null };
  /** The plan's annual targets for the other 通用指标 (percent for rates, 家 for counts; null: none). */
  indicatorTargets: IndicatorValues;
  /** The latest quarter filed up to the board's quarter (null: none yet). */
  indicators: IndicatorFiling | null;
  differentiated: { text: string | null; note: ChainNoteView | null };
}

/** `attraction` on the board: the city's 签约 and 到位 against its targets, and each chain's. */
export interface AttractionBlock {
  signed: AttractionFigure;
  funded: AttractionFigure;
  signedCount: number;
  landedCount: number;
  chains: AttractionChainRow[];
}

/** A lead in lists (and on a chain's page, as recorded by the page's instant). */
export interface LeadSummary {
  id: number;
  name: string;
  investor: string;
  origin: LeadOrigin;
  chain: string;
  region: string;
  /** 意向投资额, 万元. */
  intendedInvestment: number;
  status: LeadStatus;
  /** 合同金额, 万元 (once signed). */
  signedAmount: number | null;
  signedDate: string | null;
  landedDate: string | null;
  projectId: number | null;
  /** Σ latest 到位资金 of every month, 万元. */
  funded: number;
}

export interface LeadTransitionView {
  id: number;
  event: LeadEventType;
  fromStatus: LeadStatus;
  toStatus: LeadStatus;
  effectiveDate: string;
  data: unknown;
  reason: string | null;
  actor: string;
  recordedAt: string;
}

/** A month's 到位资金 (its latest revision, and how many there are). */
export interface FundView {
  leadId: number;
  month: string;
  revision: number;
  amount: number;
  actor: string;
  recordedAt: string;
  correction: boolean;
  reason: string | null;
}

export interface MonthFundView extends FundView {
  revisions: number;
}

export interface FiledFund extends FundView {
  created: boolean;
}

/** `GET /api/leads/:id`. */
export interface LeadView extends LeadSummary {
  contact: string | null;
  agreementNo: string | null;
  terminatedDate: string | null;
  statusLabel: string;
  /** Events the status accepts. */
  allowedEvents: LeadEventType[];
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  project: { id: number; code: string; name: string; stage: string } | null;
  transitions: LeadTransitionView[];
  funds: MonthFundView[];
}

/** One of the other 通用指标 on a chain's page: the target, the latest filed figure and how it stands. */
export interface IndicatorRow {
  key: IndicatorKey;
  /** Annual target (percent for rates, 家 for counts); null where the plan has none. */
  target: number | null;
  /** The latest filed figure up to the page's quarter, and the quarter it is for. */
  actual: number | null;
  quarter: number | null;
  /** Counts: target × Q/4, and actual ÷ that. */
  expected: number | null;
  ratio: number | null;
  /** Rates: actual ≥ target. */
  met: boolean | null;
}

/** `GET /api/chains/:code/page/:year`: the appendix's whole row for one chain, targets beside actuals. */
export interface ChainPage {
  year: number;
  month: number;
  quarter: number;
  asOf: string;
  chain: { code: string; no: number; name: string; flagship: boolean; leadUnit: string };
  /** 实施强链延链补链重点项目: listed implementation projects against the plan's count. */
  projects: { target: number; listed: number };
  /** 完成投资 against the chain's target, with 序时. */
  investment: { target: number; actual: number; expected: number; ratio: number | null; rating: string | null };
  attraction: AttractionChainRow;
  indicators: IndicatorRow[];
  /** Each quarter's latest filing of the year, as recorded by the instant. */
  filings: IndicatorFiling[];
  differentiated: {
    text: string | null;
    signedOver100m: CountAgainstTarget;
    landed: CountAgainstTarget;
    attractedOver: CountAgainstTarget & { thresholdWan: number | null };
    note: ChainNoteView | null;
    history: ChainNoteView[];
  };
  leads: LeadSummary[];
}
