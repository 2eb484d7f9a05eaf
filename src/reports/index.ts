/** reports: the module's public face — what other modules may use (docs/architecture.md). */
export { FileReportDto } from './dto/file-report.dto.js';
export { figureColumn, figuresThroughSql } from './project-year-figure.entity.js';
export { storeRevision } from './report-figures.js';
export { ReportRevision } from './report-revision.entity.js';
export { REPORTS_ENTITIES, ReportsModule } from './reports.module.js';
export { ReportsService } from './reports.service.js';
