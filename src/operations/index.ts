/** operations: the module's public face — what other modules may use (docs/architecture.md). */
export { BackupSchedule, type Timer } from './backup-schedule.js';
export { BackupScheduler } from './backup-scheduler.service.js';
export { OperationsModule } from './operations.module.js';
export { requestLogging, type RequestLogFields } from './request-log.js';
export { installGracefulShutdown } from './shutdown.js';
export { buildOpenApiDocument, checkControllerNames, operationIdOf } from './openapi-document.js';
export { API_ERROR_SCHEMAS } from './openapi-errors.js';
