import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';
import { ChangeRecorder } from './change-recorder.js';
import { ProjectHistory } from './project-history.entity.js';
import { ProjectHistoryReader } from './project-history.js';
import { SecurityEvent } from './security-event.entity.js';
import { SecurityLog } from './security-log.js';

export const AUDIT_ENTITIES = [AuditEntry, ProjectHistory, SecurityEvent];

/**
 * The audit log and the project history: the one recorder of changes (change-recorder.ts).
 * Global, so that every module's service can inject the ChangeRecorder and record its changes
 * inside its own write transaction. Also the security log (security-log.ts): failed sign-ins,
 * lockouts and refused writes. The auditors' routes are the oversight module's.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  providers: [AuditService, ChangeRecorder, ProjectHistoryReader, SecurityLog],
  exports: [AuditService, ChangeRecorder, ProjectHistoryReader, SecurityLog],
})
export class AuditModule {}
