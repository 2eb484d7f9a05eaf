import { Global, Module } from '@nestjs/common';
import { AuditExportService } from '../oversight/audit-export.service.js';
import { AuditController } from '../oversight/audit.controller.js';
import { AuditService } from './audit.service.js';
import { AnomaliesService } from '../oversight/anomalies.service.js';
import { ChangeRecorder } from './change-recorder.js';

export const AUDIT_PROVIDERS = [AuditService, ChangeRecorder, AnomaliesService, AuditExportService];

/**
 * The audit log and the auditors' routes. Global, so that every feature's service can
 * inject the ChangeRecorder and record its changes inside its own write transaction.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: AUDIT_PROVIDERS,
  exports: [AuditService, ChangeRecorder],
})
export class AuditModule {}
