import { ApiProperty } from '@nestjs/swagger';
import { ApiWan } from '../common/index.js';
import { STAGES } from '../lifecycle/index.js';
import { REQUEST_KINDS, type RequestKind } from '../reference/index.js';
import type { RaisedRequest } from '../requests/index.js';
import type { FiledReport, MissingReports, MonthReportView, ReportView } from './reports.service.js';

/** What the monthly-report routes answer (月调度), as the OpenAPI document declares it. */

/** One revision of a project's report for a month. */
export class ReportRevisionAnswer implements ReportView {
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ type: 'integer', description: '1 for the first filing' }) revision: number;
  @ApiWan('当月完成投资') amount: number;
  @ApiProperty({ type: String, nullable: true, description: '形象进度' }) progress: string | null;
  @ApiProperty({ type: String, nullable: true, description: '存在问题' }) problems: string | null;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: 'filed after the month\'s bulletin was published' }) correction: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'why a correction was filed' }) reason: string | null;
}

/** A month's latest revision, and how many there are. */
export class MonthReportAnswer extends ReportRevisionAnswer implements MonthReportView {
  @ApiProperty({ type: 'integer' }) revisions: number;
}

/** A 要素保障 request raised with a report. */
export class RaisedRequestAnswer implements RaisedRequest {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ enum: REQUEST_KINDS }) kind: RequestKind;
  @ApiProperty({ description: 'department code' }) department: string;
}

/** `PUT …/reports/:month`: the revision filed (or the same one again), with the project's cumulative figure. */
export class FiledReportAnswer extends ReportRevisionAnswer implements FiledReport {
  @ApiWan('累计完成投资（各月最新修订之和）') cumulative: number;
  @ApiProperty({ type: [RaisedRequestAnswer], description: 'the 要素保障 requests raised with this report (or already raised with it before)' }) requests: RaisedRequestAnswer[];
  @ApiProperty({ type: [String], enum: ['cumulativeAboveTotal'], description: '`cumulativeAboveTotal` when reports add up to more than the total investment' }) flags: string[];
  @ApiProperty({ description: 'true: the month\'s first report (201); false: a new revision, or the same content as the latest again (200)' }) created: boolean;
}

export class MissingReportProject {
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) ownerEnterprise: string | null;
  @ApiProperty({ enum: STAGES }) stage: string;
}

export class MissingReportRegion {
  @ApiProperty({ type: String, nullable: true, description: 'region code (null: projects without one)' }) code: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: [MissingReportProject] }) projects: MissingReportProject[];
}

/** `GET /api/reports/missing`: 催报名单 by region. */
export class MissingReportsAnswer implements MissingReports {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: [MissingReportRegion] }) regions: MissingReportRegion[];
}
