import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ProjectLeadLink } from '../attraction/index.js';
import { type ApprovalDetails, type Project, type ProjectMilestone, ProjectRecordView, recordViewOf } from '../project-records/index.js';
import { ListMembershipView } from '../plans/index.js';
import type { ProjectResponsibilityView } from '../people/index.js';

/**
 * A project as the API shows it (docs/api.md "Names that stay"): its record, and on the reads
 * of one project what other modules keep about it: its places on the year lists, its approvals'
 * statuses, the 招商 lead it came from.
 */
export class ProjectView extends ProjectRecordView {
  @ApiPropertyOptional({ type: [ListMembershipView] }) lists?: ListMembershipView[];
  @ApiPropertyOptional({ description: 'one project read only: each approval\'s status (pending / in_progress / conditional / done), date, commitmentDate, department' })
  approvalDetails?: ApprovalDetails;
  @ApiPropertyOptional({ type: Object, nullable: true, description: '招商项目（落地而来时）：{ id, name, investor, status }' }) lead?: ProjectLeadLink | null;
  @ApiPropertyOptional({ type: [Object], description: 'one project read only: its milestones (节点) { name, plannedDate, actualDate, overdue } (docs/domain/milestones.md)' })
  milestones?: ProjectMilestone[];
  @ApiPropertyOptional({ description: 'one project read only: 包联责任 { cityLeaderId, cityLeader, countyLeaderId, countyLeader, commissionerId, commissioner, commissionerKind, contact } with the people\'s names' })
  responsibility?: ProjectResponsibilityView;
}


export function toView(project: Project, lists?: ListMembershipView[]): ProjectView {
  const view: ProjectView = recordViewOf(project);
  if (lists) view.lists = lists;
  return view;
}
