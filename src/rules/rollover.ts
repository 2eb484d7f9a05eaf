import { isImplementation } from '../lifecycle/index.js';
/**
 * Rollover (滚动接续): next year's lists proposed from this year's and from the reserve
 * (docs/domain/figures.md "Year plans"). An implementation-list project not completed continues
 * (续建) on next year's implementation list; a preparation-list project not started stays on the
 * preparation list; a preparation-list project that started moves to the implementation list.
 * Completed and withdrawn projects leave. And the batch behind moves up ("三个一批" 梯次推进,
 * 2024 plan §一(二)): a 储备 project on neither list that is ready to prepare (`reserveGaps` finds
 * nothing) is proposed for next year's preparation list. Planned amounts are left for the city
 * office to fill in; the proposal gives last year's plan and what remains of the total as a guide.
 */
/** What the rollover proposes: 续建, 未开工 carried over, moved to 实施类, or up from the reserve (储备转入). */
export const ROLLOVER_KINDS = ['continuing', 'notStarted', 'moved', 'fromReserve'] as const;
export type RolloverKind = (typeof ROLLOVER_KINDS)[number];

/** A 储备 project's facts the readiness rule reads (approval values are the dates obtained, null when not). */
export interface ReserveFacts {
  regionCode: string | null;
  chainCode: string | null;
  ownerEnterprise: string | null;
  totalInvestmentWan: number | null;
  plannedStartDate: string | null;
  filing: string | null;
  land: string | null;
}

/**
 * Why a reserve project is not yet ready to prepare next year (none: ready):
 *  - `promotionFacts`: what 储备 → 准备 itself asks is incomplete (county, chain, owner, total, planned start);
 *  - `filing`, `land`: 立项 (备案/核准) or 用地 not obtained — the two a project cannot prepare without;
 *  - `startsLater`: planned to start after next year, so next year's preparation list (started by
 *    its end, 开工率) is not its list yet.
 */
export type ReserveGap = 'promotionFacts' | 'filing' | 'land' | 'startsLater';

export function reserveGaps(project: ReserveFacts, toYear: number): ReserveGap[] {
  const gaps: ReserveGap[] = [];
  const known = (text: string | null) => text !== null && text.trim() !== '';
  if (!known(project.regionCode) || !known(project.chainCode) || !known(project.ownerEnterprise) || !project.totalInvestmentWan || project.totalInvestmentWan <= 0 || !known(project.plannedStartDate))
    gaps.push('promotionFacts');
  if (!known(project.filing)) gaps.push('filing');
  if (!known(project.land)) gaps.push('land');
  if (known(project.plannedStartDate) && project.plannedStartDate! > `${toYear}-12-31`) gaps.push('startsLater');
  return gaps;
}

export interface ListedNow {
  projectId: number;
  category: 'implementation' | 'preparation';
  stage: string;
}

export type RolloverDecision =
  | { kind: RolloverKind; category: 'implementation' | 'preparation' }
  | { kind: 'leaves'; reason: 'completed' | 'withdrawn' };

export function rolloverOf({ category, stage }: ListedNow): RolloverDecision {
  if (stage === 'completed') return { kind: 'leaves', reason: 'completed' };
  if (stage === 'withdrawn') return { kind: 'leaves', reason: 'withdrawn' };
  const started = isImplementation(stage);
  if (category === 'implementation') return { kind: 'continuing', category: 'implementation' };
  return started ? { kind: 'moved', category: 'implementation' } : { kind: 'notStarted', category: 'preparation' };
}
