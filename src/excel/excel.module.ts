import { Module } from '@nestjs/common';
import { BulletinsService } from '../bulletins/bulletins.service.js';
import { ListsModule } from '../lists/lists.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { TargetsModule } from '../board/targets.module.js';
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
 * the ledger and bulletin (月通报) exports, and the guards that keep hostile files out.
 */
@Module({
  // BulletinsModule does not export its service; it is stateless, so this module has its own.
  imports: [ProjectsModule, ListsModule, ReportsModule, TargetsModule],
  controllers: [ImportsController, ExportsController],
  providers: [BulletinsService, LedgerImportService, ReportImportService, ImportMappingService, ImportJobs, LedgerExportService, BulletinExportService],
  exports: [LedgerImportService, ReportImportService],
})
export class ExcelModule {}
