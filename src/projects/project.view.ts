import { ApiPropertyOptional } from '@nestjs/swagger';
import { ApprovalDetailsAnswer, ProjectMilestoneAnswer, ProjectRecordView, type ProjectRow, recordViewOf } from '../project-records/index.js';
import { ProjectResponsibilityAnswer } from '../people/index.js';
import { ListMembershipView } from '../plans/index.js';
import { ProjectLeadLink } from './project.responses.js';

/**
 * A project as the API shows it (docs/api.md "Names that stay"): its record, and on the reads
 * of one project what other modules keep about it: its places on the year lists, its approvals'
 * statuses, the 招商 lead it came from, its milestones and who answers for it.
 */
export class ProjectView extends ProjectRecordView {
  @ApiPropertyOptional({ type: [ListMembershipView], description: 'its places on the year lists (absent from list pages)' }) lists?: ListMembershipView[];
  @ApiPropertyOptional({ type: ApprovalDetailsAnswer, description: 'one project read only: each approval\'s status, date, commitmentDate, department' })
  approvalDetails?: ApprovalDetailsAnswer;
  @ApiPropertyOptional({ type: ProjectLeadLink, nullable: true, description: 'one project read only: 招商项目（落地而来时），else null' }) lead?: ProjectLeadLink | null;
  @ApiPropertyOptional({ type: [ProjectMilestoneAnswer], description: 'one project read only: its milestones (节点), each marked overdue (docs/domain/milestones.md)' })
  milestones?: ProjectMilestoneAnswer[];
  @ApiPropertyOptional({ type: ProjectResponsibilityAnswer, description: 'one project read only: 包联责任 with the people\'s names' })
  responsibility?: ProjectResponsibilityAnswer;
}


export function toView(project: ProjectRow, lists?: ListMembershipView[]): ProjectView {
  const view: ProjectView = recordViewOf(project);
  if (lists) view.lists = lists;
  return view;
}
