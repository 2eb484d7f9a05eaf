/** oversight: the module's public face — what other modules may use (docs/architecture.md). */
export { OversightModule } from './oversight.module.js';
export { AuditExportService, type AuditExportRequest, type ExportFormat } from './audit-export.service.js';
