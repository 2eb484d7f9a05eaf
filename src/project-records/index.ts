/** project-records: the module's public face — what other modules may use (docs/architecture.md). */
export { approvalDetailsOf, type ApprovalDetails } from './approval-details.js';
export { ApprovalsService, type OpenCommitment } from './approvals.service.js';
export { PutApprovalDto } from './dto/approval.dto.js';
export { CommentDto } from './dto/comment.dto.js';
export { CreateProjectDto } from './dto/create-project.dto.js';
export { MAX_MILESTONES, MilestoneActualDto, MilestoneDto } from './dto/milestone.dto.js';
export { IsProjectName } from './dto/project-fields.dto.js';
export { UpdateProjectDto } from './dto/update-project.dto.js';
export { PROJECT_RECORD_ENTITIES, ProjectRecordsModule } from './project-records.module.js';
export { ProjectRecordsService, recordFactsOf, type CommentView } from './project-records.service.js';
export { APPROVAL_COLUMNS, ProjectRecordView, type ProjectRow, approvalsOf, recordViewOf } from './project-view.js';
export { Project } from './project.entity.js';
export { ApprovalDates, ApprovalDetailAnswer, ApprovalDetailsAnswer, CommentAnswer, MilestoneAnswer, ProjectMilestoneAnswer } from './project-records.responses.js';
export { currentMilestonesByProject, MilestonesService, milestonesOf, parseMilestoneList, pendingMilestonesOf, type MilestoneChange, type MilestoneView } from './milestones.service.js';
export { type ProjectMilestone } from './milestone.types.js';
