import type { ApprovalKey, LifecycleContext, ProjectFacts } from '../../src/lifecycle/index.js';

/**
 * Facts and context for the lifecycle's pure guards and machine: a project that
 * satisfies every guard by default (all six approvals, county, chain, owner,
 * total, planned start; one month reported). Override what a test is about.
 */
export const LIFECYCLE_TODAY = '2024-06-30';

export const ALL_APPROVAL_DATES: Record<ApprovalKey, string> = {
  filing: '2024-01-10',
  land: '2024-01-20',
  planning: '2024-02-01',
  environment: '2024-02-10',
  energy: '2024-02-15',
  construction: '2024-03-01',
};

export type FactsOverrides = Omit<Partial<ProjectFacts>, 'approvals'> & {
  /** Merged over the six approval dates; `null` marks one as missing. */
  approvals?: Partial<Record<ApprovalKey, string | null>>;
};

export function lifecycleFacts(overrides: FactsOverrides = {}): ProjectFacts {
  const { approvals, ...rest } = overrides;
  return {
    regionCode: '371502',
    chainCode: 'new-energy',
    ownerEnterprise: '聊城测试新能源有限公司',
    totalInvestmentWan: 120000,
    plannedStartDate: '2024-03-15',
    actualStartDate: null,
    reportedMonths: 1,
    haltedSince: null,
    conditional: {},
    conditionalRestrictedYears: [],
    ...rest,
    approvals: { ...ALL_APPROVAL_DATES, ...approvals },
  };
}

export function lifecycleContext(overrides: FactsOverrides = {}, today = LIFECYCLE_TODAY): LifecycleContext {
  return { project: lifecycleFacts(overrides), today };
}
