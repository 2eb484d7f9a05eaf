import { Global, Module } from '@nestjs/common';
import { AuditExportService } from './audit-export.service.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';
import { AnomaliesService } from './anomalies.service.js';

export const AUDIT_PROVIDERS = [AuditService, AnomaliesService, AuditExportService];

/**
 * The audit log and the auditors' routes. Global, so that every feature's service can
 * inject AuditService and append to the log inside its own write transaction.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: AUDIT_PROVIDERS,
  exports: [AuditService],
})
export class AuditModule {}
