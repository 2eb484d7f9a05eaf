import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { ApprovalsService } from '../project-records/approvals.service.js';
import { DepartmentsService } from '../reference/departments.service.js';
import { RequestEngine } from './request.engine.js';
import { RequestSettingsService } from './request-settings.service.js';
import { RequestsExportController } from '../excel/requests-export.controller.js';
import { RequestsExportService } from '../excel/export/requests-export.service.js';
import { RequestsController } from './requests.controller.js';
import { RequestsService } from './requests.service.js';

/** 要素保障: requests, departments, approvals' status, the month's lists and their export. */
@Module({
  imports: [ProjectsModule],
  controllers: [RequestsController, RequestsExportController],
  providers: [RequestsService, RequestEngine, DepartmentsService, RequestSettingsService, ApprovalsService, RequestsExportService],
  exports: [RequestsService, RequestEngine, ApprovalsService],
})
export class RequestsModule {}
