import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { bulletinCheckpoint } from '../bulletins/index.js';
import { ApiFileResponse, ApiPageResponse, badRequest, type Page } from '../common/index.js';
import { type AuditCheckpoint, type AuditEventView, AuditService, SecurityLog, type SecurityEventView, type VerifyResult } from '../audit/index.js';
import { HeavyWork } from '../heavy/index.js';
import type { AuditExportRequest, ExportFormat } from './audit-export.service.js';
import { AnomaliesService, type AnomalyReport } from './anomalies.service.js';
import { AnomalyReportBody, AuditEvent, ChainCheckpoint, ChainVerification, SecurityLogEntry } from './audit.responses.js';
import { AnomaliesQuery, AuditEventsQuery, checkpointQuery, HistoryExportQuery, instantQuery, jumpFactorQuery, SecurityLogQuery, VerifyQuery } from './dto/audit-query.dto.js';
import { READ_ONLY_ROLES, Roles } from '../access/index.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The audit log, its verification, anomaly checks and exports: for the city office and auditors (审计/督查). */
@ApiTags('audit')
@Roles('admin', ...READ_ONLY_ROLES)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly anomalies: AnomaliesService,
    private readonly heavy: HeavyWork,
    private readonly dataSource: DataSource,
    private readonly security: SecurityLog,
  ) {}

  @Get('verify')
  @ApiOperation({ summary: '校验审计链（可带保存的检查点 seq+hash，或某期月通报 bulletin=YYYY-MM 上印的检查点，以发现尾部删除或整链重写）' })
  @ApiOkResponse({ type: ChainVerification })
  async verify(@Query() query: VerifyQuery): Promise<VerifyResult> {
    const checkpoint = checkpointQuery(query);
    if (query.bulletin === undefined) return this.audit.verify(checkpoint);
    const [year, month] = query.bulletin.split('-').map(Number);
    return this.audit.verify(await bulletinCheckpoint(this.dataSource, year, month));
  }

  @Get('checkpoint')
  @ApiOperation({ summary: '当前检查点：最新条目的序号和哈希（请在数据库之外保存）' })
  @ApiOkResponse({ type: ChainCheckpoint })
  checkpoint(): Promise<AuditCheckpoint> {
    return this.audit.checkpoint();
  }

  @Get('events')
  @ApiOperation({ summary: '审计日志（按序号从早到晚，分页；after=上一页的 next 按序号续读）' })
  @ApiPageResponse(AuditEvent)
  events(@Query() query: AuditEventsQuery): Promise<Page<AuditEventView>> {
    const filter = { entity: query.entity, entityId: query.entityId, from: instantQuery('from', query.from), to: instantQuery('to', query.to) };
    return this.audit.events(filter, query.page ?? 1, query.pageSize ?? 50, query.after);
  }

  @Get('anomalies')
  @ApiOperation({ summary: '异常检查：累计超总投资、实施期外填报、单月占比过高、突增、通报后修改、缺报、开工晚于首报' })
  @ApiOkResponse({ type: AnomalyReportBody })
  anomalyList(@Query() query: AnomaliesQuery): Promise<AnomalyReport> {
    return this.anomalies.find(query.year, { maxMonthSharePct: query.maxMonthSharePct, jumpFactor: jumpFactorQuery(query.jumpFactor) });
  }

  @Get('security')
  @ApiOperation({ summary: '安全日志：登录失败（所用用户名、地址）、锁定、被拒绝的写操作（403/409/422，调用者）；按时段和类型筛选，从早到晚' })
  @ApiOkResponse({ type: [SecurityLogEntry] })
  securityLog(@Query() query: SecurityLogQuery): Promise<SecurityEventView[]> {
    return this.security.list(this.securityFilter(query));
  }

  @Get('exports/security.csv')
  @ApiFileResponse(CONTENT_TYPES.csv, 'the security log, CSV')
  @ApiOperation({ summary: '导出安全日志，CSV，首行为审计链校验结果' })
  async securityCsv(@Query() query: SecurityLogQuery, @Res() response: Response): Promise<void> {
    await this.send({ what: 'security', filter: this.securityFilter(query) }, 'csv', response);
  }

  @Get('exports/history.csv')
  @ApiFileResponse(CONTENT_TYPES.csv, 'the audit log, CSV')
  @ApiOperation({ summary: '导出审计日志（项目、县区或时段），CSV，首行为审计链校验结果' })
  async historyCsv(@Query() query: HistoryExportQuery, @Res() response: Response): Promise<void> {
    await this.send({ what: 'history', filter: this.historyFilter(query) }, 'csv', response);
  }

  @Get('exports/history.xlsx')
  @ApiFileResponse(CONTENT_TYPES.xlsx, 'the audit log, Excel')
  @ApiOperation({ summary: '导出审计日志（项目、县区或时段），Excel，首行为审计链校验结果' })
  async historyXlsx(@Query() query: HistoryExportQuery, @Res() response: Response): Promise<void> {
    await this.send({ what: 'history', filter: this.historyFilter(query) }, 'xlsx', response);
  }

  @Get('exports/anomalies.csv')
  @ApiFileResponse(CONTENT_TYPES.csv, 'the anomalies, CSV')
  @ApiOperation({ summary: '导出异常清单，CSV，首行为审计链校验结果' })
  async anomaliesCsv(@Query() query: AnomaliesQuery, @Res() response: Response): Promise<void> {
    await this.send({ what: 'anomalies', year: query.year, options: this.anomalyOptions(query) }, 'csv', response);
  }

  @Get('exports/anomalies.xlsx')
  @ApiFileResponse(CONTENT_TYPES.xlsx, 'the anomalies, Excel')
  @ApiOperation({ summary: '导出异常清单，Excel，首行为审计链校验结果' })
  async anomaliesXlsx(@Query() query: AnomaliesQuery, @Res() response: Response): Promise<void> {
    await this.send({ what: 'anomalies', year: query.year, options: this.anomalyOptions(query) }, 'xlsx', response);
  }

  private historyFilter(query: HistoryExportQuery) {
    return { projectId: query.projectId, region: query.region, from: instantQuery('from', query.from), to: instantQuery('to', query.to) };
  }

  private securityFilter(query: SecurityLogQuery) {
    const filter = { kind: query.kind, from: instantQuery('from', query.from), to: instantQuery('to', query.to) };
    if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to)
      throw badRequest('from 不能晚于 to', [{ field: 'from', code: 'invalidRange', message: '起始时刻不能晚于结束时刻' }]);
    return filter;
  }

  private anomalyOptions(query: AnomaliesQuery) {
    return { maxMonthSharePct: query.maxMonthSharePct, jumpFactor: jumpFactorQuery(query.jumpFactor) };
  }

  /** Made in a worker thread (heavy work: AuditExportService.file), then sent whole. */
  private async send(request: AuditExportRequest, format: ExportFormat, response: Response): Promise<void> {
    const file = await this.heavy.run<{ filename: string; body: Buffer }>('audit.export', { ...request, format });
    response.status(200);
    response.setHeader('Content-Type', CONTENT_TYPES[format]);
    response.setHeader('Content-Disposition', `attachment; filename="${file.filename}.${format}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.end(file.body);
  }
}
