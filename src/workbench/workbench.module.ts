import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/index.js';
import { BoardModule } from '../board/index.js';
import { ReportsModule } from '../reports/index.js';
import { WorkbenchController } from './workbench.controller.js';
import { WorkbenchService } from './workbench.service.js';

/** The workbench's read endpoints (`/api/workbench/*`); its pages are static files (workbench.static.ts). */
@Module({
  imports: [ProjectsModule, BoardModule, ReportsModule],
  controllers: [WorkbenchController],
  providers: [WorkbenchService],
})
export class WorkbenchModule {}
