import type { ApprovalKey } from '../src/lifecycle/index.js';

/**
 * The shape of the demo data set (seeds/demo-2024.ts). ILLUSTRATIVE: the real project
 * names come from the source documents, but every figure, date and owner here is made up.
 */
export interface DemoProject {
  code: string;
  name: string;
  ownerEnterprise: string;
  region: string; // region code
  chain: string; // chain code
  totalInvestmentWan: number;
  /** 招商引进 / 本地企业扩产 / 技改. */
  origin: 'attracted' | 'expansion' | 'renovation';
  content: string;
  plannedStartDate: string;
  plannedCompletionDate: string;
  approvals: Record<ApprovalKey, string | null>;
  /** The stage it is to end up in, reached by replaying `events` through the engine. */
  events: DemoEvent[];
  /** Year lists it is on. */
  lists: DemoListEntry[];
  /** Monthly reports, latest revision only; `recordedAt` an ISO instant. */
  reports: DemoReport[];
}

export type DemoEvent =
  | { type: 'PROMOTE'; at: string }
  | { type: 'START'; date: string; at: string }
  | { type: 'HALT'; date: string; reason: string; at: string }
  | { type: 'RESUME'; date: string; at: string }
  | { type: 'COMPLETE'; date: string; at: string }
  | { type: 'DEFER'; reason: string; at: string }
  | { type: 'WITHDRAW'; reason: string; at: string };

export interface DemoListEntry {
  year: number;
  category: 'implementation' | 'preparation';
  plannedInvestmentWan: number;
  monthlyPlan?: number[];
  /** Designated a key project (市级重点) of the year. */
  keyProject?: boolean;
}

export interface DemoReport {
  month: string; // YYYY-MM
  amountWan: number;
  progress: string;
  problems: string | null;
  recordedAt: string;
}
