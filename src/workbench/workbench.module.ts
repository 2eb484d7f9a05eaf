import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { TargetsModule } from '../board/targets.module.js';
import { WorkbenchController } from './workbench.controller.js';
import { WorkbenchService } from './workbench.service.js';

/** The workbench's read endpoints (`/api/workbench/*`); its pages are static files (workbench.static.ts). */
@Module({
  imports: [ProjectsModule, TargetsModule],
  controllers: [WorkbenchController],
  providers: [WorkbenchService],
})
export class WorkbenchModule {}
