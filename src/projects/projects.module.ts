import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/index.js';
import { PlansModule } from '../plans/index.js';
import { ProjectRecordsModule } from '../project-records/index.js';
import { ReportsModule } from '../reports/index.js';
import { LifecycleFacts } from './lifecycle-facts.js';
import { LifecycleEngine } from './lifecycle.engine.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

/** The projects API: a project's reads (with its lists, approvals' statuses, lead) and its lifecycle. */
@Module({
  imports: [ProjectRecordsModule, PlansModule, ReportsModule, PeopleModule],
  controllers: [ProjectsController],
  providers: [ProjectsService, LifecycleEngine, LifecycleFacts],
  exports: [ProjectsService, LifecycleEngine],
})
export class ProjectsModule {}
