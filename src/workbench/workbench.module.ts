import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/index.js';
import { BoardModule } from '../board/index.js';
import { ReportsModule } from '../reports/index.js';
import { PeopleModule } from '../people/index.js';
import { PeriodsModule } from '../periods/index.js';
import { ProjectRecordsModule } from '../project-records/index.js';
import { ReferenceModule } from '../reference/index.js';
import { RequestsModule } from '../requests/index.js';
import { HomeController } from './home.controller.js';
import { HomeService } from './home.service.js';
import { WorkbenchController } from './workbench.controller.js';
import { WorkbenchService } from './workbench.service.js';

/** The workbench's read endpoints (`/api/workbench/*`, a leader's `/api/me/home`); its pages are static files (workbench.static.ts). */
@Module({
  imports: [ProjectsModule, BoardModule, ReportsModule, PeopleModule, PeriodsModule, ProjectRecordsModule, ReferenceModule, RequestsModule],
  controllers: [WorkbenchController, HomeController],
  providers: [WorkbenchService, HomeService],
})
export class WorkbenchModule {}
