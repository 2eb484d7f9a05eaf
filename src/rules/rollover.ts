import { isImplementation } from '../lifecycle/index.js';
/**
 * Rollover (滚动接续): next year's lists proposed from this year's (docs/domain/figures.md
 * "Year plans"). An implementation-list project not completed continues (续建) on next year's
 * implementation list; a preparation-list project not started stays on the preparation list;
 * a preparation-list project that started moves to the implementation list. Completed and
 * withdrawn projects leave. Planned amounts are left for the city office to fill in; the
 * proposal gives last year's plan and what remains of the total as a guide.
 */
/** What the rollover proposes for an entry of this year's lists: 续建, 未开工 carried over, moved to 实施类. */
export type RolloverKind = 'continuing' | 'notStarted' | 'moved';

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
