import { ApiProperty } from '@nestjs/swagger';
import { APPROVAL_STATUSES, type ApprovalStatus } from '../lifecycle/index.js';
import type { ApprovalDetail, ApprovalDetails } from './approval-details.types.js';
import type { ProjectMilestone, MilestoneView } from './milestone.types.js';
import type { CommentView } from './project-records.service.js';
export { ApprovalDates } from './project-view.js';

/**
 * What the project-record routes answer, as the OpenAPI document declares it (docs/api.md):
 * each class implements the answer's own type, so tsc catches a renamed field.
 */

/** Where one approval stands (督办, 容缺受理). */
export class ApprovalDetailAnswer implements ApprovalDetail {
  @ApiProperty({ enum: APPROVAL_STATUSES }) status: ApprovalStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'done: the date obtained; in_progress / conditional: the date accepted (受理), if known' }) date: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'conditional: the date the missing papers are promised by' }) commitmentDate: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'department code handling it, if named' }) department: string | null;
}

/** Each approval's status, by approval key. */
export class ApprovalDetailsAnswer implements ApprovalDetails {
  @ApiProperty({ type: ApprovalDetailAnswer }) filing: ApprovalDetailAnswer;
  @ApiProperty({ type: ApprovalDetailAnswer }) land: ApprovalDetailAnswer;
  @ApiProperty({ type: ApprovalDetailAnswer }) planning: ApprovalDetailAnswer;
  @ApiProperty({ type: ApprovalDetailAnswer }) environment: ApprovalDetailAnswer;
  @ApiProperty({ type: ApprovalDetailAnswer }) energy: ApprovalDetailAnswer;
  @ApiProperty({ type: ApprovalDetailAnswer }) construction: ApprovalDetailAnswer;
}

/** One milestone (节点) of a project (docs/domain/milestones.md). */
export class MilestoneAnswer implements MilestoneView {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date' }) plannedDate: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) actualDate: string | null;
}

/** A milestone on a project read: overdue when its planned date has passed without an actual date. */
export class ProjectMilestoneAnswer extends MilestoneAnswer implements ProjectMilestone {
  @ApiProperty() overdue: boolean;
}

/** A comment on a project. */
export class CommentAnswer implements CommentView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ description: 'username' }) author: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
