/** excel: the module's public face — what other modules may use (docs/architecture.md). */
export { EXCEL_ENTITIES, ExcelModule } from './excel.module.js';
export { EVIDENCE, JOB_PHASES, MAPPING_SOURCES, SKIP_KINDS } from './import-codes.js';
export { LedgerImportService } from './ledger-import.service.js';
export { EXCEL_LIMITS } from './limits.js';
export { BulletinExportService } from './export/bulletin-export.service.js';
