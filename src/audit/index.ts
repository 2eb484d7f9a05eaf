/** audit: the module's public face — what other modules may use (docs/architecture.md). */
export { ENTRY_COLUMNS, FIRST_BAD_REASONS, type Checkpoint, type FirstBadReason, type StoredEntryRow, type VerifyResult } from './audit-chain.js';
export { ENTITY_LABELS, PROJECT_ENTITIES, auditSubject } from './audit-subjects.js';
export { AUDIT_ENTITIES, AuditModule } from './audit.module.js';
export { AuditService, type AuditCheckpoint, type AuditEventView, type AuditInput } from './audit.service.js';
export { canonicalJson } from './canonical-json.js';
export { ChangeRecorder, type HistoryRow } from './change-recorder.js';
export { HISTORY_KINDS, ProjectHistory } from './project-history.entity.js';
export { ProjectHistoryReader, type HistoryView } from './project-history.js';
export { csvWriter, xlsxWriter, type Cell } from './table-writers.js';
export { SECURITY_EVENT_KINDS, SecurityLog, type SecurityEventFilter, type SecurityEventKind, type SecurityEventView } from './security-log.js';
