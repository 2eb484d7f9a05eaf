import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectRecordsModule } from '../project-records/index.js';
import { RequestsModule } from '../requests/index.js';
import { ProjectYearFigure } from './project-year-figure.entity.js';
import { ReportRevision } from './report-revision.entity.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

export const REPORTS_ENTITIES = [ReportRevision, ProjectYearFigure];

/** Monthly reports (月调度): one project, one month, many revisions; the year figures kept with them; the 缺报 list. */
@Module({
  imports: [TypeOrmModule.forFeature(REPORTS_ENTITIES), ProjectRecordsModule, RequestsModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
