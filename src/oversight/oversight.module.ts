import { Module } from '@nestjs/common';
import { AnomaliesService } from './anomalies.service.js';
import { AuditExportService } from './audit-export.service.js';
import { AuditController } from './audit.controller.js';

/** The auditors' desk (审计/督查): the log's events, its verification, anomalies and exports. */
@Module({
  controllers: [AuditController],
  providers: [AnomaliesService, AuditExportService],
})
export class OversightModule {}
