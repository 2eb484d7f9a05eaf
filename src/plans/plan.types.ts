/** Shapes of year-plan data the API returns (no persistence here: the pages' type check reads them too). */
export type AdjustmentKind = 'plan' | 'list';

/** A change to a published plan or its lists, as the plan and the board show it. */
export interface AdjustmentView {
  at: string;
  actor: string;
  kind: AdjustmentKind;
  action: string;
  projectId: number | null;
  projectName: string | null;
  before: unknown;
  after: unknown;
  reason: string;
}
