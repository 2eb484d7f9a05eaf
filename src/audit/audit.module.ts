import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';
import { ChangeRecorder } from './change-recorder.js';
import { ProjectHistory } from './project-history.entity.js';
import { ProjectHistoryReader } from './project-history.js';

export const AUDIT_ENTITIES = [AuditEntry, ProjectHistory];

/**
 * The audit log and the project history: the one recorder of changes (change-recorder.ts).
 * Global, so that every module's service can inject the ChangeRecorder and record its changes
 * inside its own write transaction. The auditors' routes are the oversight module's.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  providers: [AuditService, ChangeRecorder, ProjectHistoryReader],
  exports: [AuditService, ChangeRecorder, ProjectHistoryReader],
})
export class AuditModule {}
