import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferenceModule } from '../reference/index.js';
import { ApprovalStatusRow } from './approval-status.entity.js';
import { ApprovalsService } from './approvals.service.js';
import { Milestone } from './milestone.entity.js';
import { MilestonesService } from './milestones.service.js';
import { ProjectComment } from './project-comment.entity.js';
import { ProjectRecordsService } from './project-records.service.js';
import { Project } from './project.entity.js';

export const PROJECT_RECORD_ENTITIES = [Project, ProjectComment, ApprovalStatusRow, Milestone];

/** A project's record: its row, its approvals' statuses (督办, 容缺受理), its comments, its milestones (节点). */
@Module({
  imports: [TypeOrmModule.forFeature(PROJECT_RECORD_ENTITIES), ReferenceModule],
  providers: [ProjectRecordsService, ApprovalsService, MilestonesService],
  exports: [ProjectRecordsService, ApprovalsService, MilestonesService],
})
export class ProjectRecordsModule {}
