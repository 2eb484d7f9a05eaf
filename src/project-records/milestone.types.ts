/**
 * A project's milestones (节点, docs/domain/milestones.md) as the API answers them. Plain types:
 * the pages' type check reads the same shapes (src/web/public/types.js).
 */

/** `GET /api/projects/:id/milestones`: one milestone. */
export interface MilestoneView {
  name: string;
  plannedDate: string;
  actualDate: string | null;
}

/** A milestone on a project read: overdue when its planned date has passed (by the read's day) without an actual date. */
export interface ProjectMilestone extends MilestoneView {
  overdue: boolean;
}
