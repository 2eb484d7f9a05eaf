import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoardModule } from '../board/index.js';
import { BulletinsModule } from '../bulletins/index.js';
import { PeopleModule } from '../people/index.js';
import { PlansModule } from '../plans/index.js';
import { ProjectRecordsModule } from '../project-records/index.js';
import { ProjectsModule } from '../projects/index.js';
import { ReferenceModule } from '../reference/index.js';
import { ReportsModule } from '../reports/index.js';
import { RequestsModule } from '../requests/index.js';
import { RequestsExportService } from './export/requests-export.service.js';
import { ImportMapping } from './mapping/import-mapping.entity.js';
import { RequestsExportController } from './requests-export.controller.js';
import { ExportsController } from './exports.controller.js';
import { BulletinExportService } from './export/bulletin-export.service.js';
import { LedgerExportService } from './export/ledger-export.service.js';
import { ImportJobs } from './import-jobs.service.js';
import { ImportsController } from './imports.controller.js';
import { ImportMappingService } from './mapping/import-mapping.service.js';
import { LedgerImportService } from './ledger-import.service.js';
import { ReportImportService } from './report-import.service.js';

/**
 * Excel in and out (docs/api.md "Names that stay"): the ledger (台账) and month-sheet (月调度表) imports,
 * the ledger, bulletin (月通报) and problem-list exports, and the guards that keep hostile files out.
 */
export const EXCEL_ENTITIES = [ImportMapping];

@Module({
  imports: [TypeOrmModule.forFeature(EXCEL_ENTITIES), ReferenceModule, ProjectRecordsModule, PlansModule, RequestsModule, ReportsModule, ProjectsModule, BoardModule, BulletinsModule, PeopleModule],
  controllers: [ImportsController, ExportsController, RequestsExportController],
  providers: [LedgerImportService, ReportImportService, ImportMappingService, ImportJobs, LedgerExportService, BulletinExportService, RequestsExportService],
  exports: [LedgerImportService, ReportImportService],
})
export class ExcelModule {}
