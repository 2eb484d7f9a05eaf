import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actorOf, badRequest, MonthParam } from '../common/index.js';
import { LedgerImportQuery, ReportImportQuery } from './dto/excel-query.dto.js';
import { ImportJobs, JobStarted, JobView } from './import-jobs.service.js';
import { ImportResult } from './import-result.js';
import { LedgerImportService } from './ledger-import.service.js';
import { parseMapping } from './mapping/column-mapping.js';
import { ImportMappingService } from './mapping/import-mapping.service.js';
import { LEDGER_FIELDS, REPORT_FIELDS, type FieldWords } from './parsing/columns.js';
import { ReportImportService } from './report-import.service.js';
import { requireFile, WorkbookUploadInterceptor, type UploadedFileData } from './upload.interceptor.js';
import { CurrentScope, refuseOtherScope, Roles, type Scope } from '../access/index.js';

const FILE_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: '.xlsx, at most 5 MB' },
      mapping: { type: 'string', description: 'column mapping as JSON { "表头": "field" | null } (or the query parameter)' },
    },
  },
};

@Controller('imports')
export class ImportsController {
  constructor(
    private readonly ledger: LedgerImportService,
    private readonly reports: ReportImportService,
    private readonly mappings: ImportMappingService,
    private readonly jobs: ImportJobs,
  ) {}

  @Post('ledger')
  @HttpCode(200)
  @Roles('admin')
  @UseInterceptors(WorkbookUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: ImportResult })
  @ApiAcceptedResponse({ type: JobStarted, description: 'with ?async=true' })
  @ApiOperation({ summary: '导入项目台账（.xlsx）：默认试导入，?commit=true 时全部导入或全部不导入；?async=true 时作为任务运行' })
  async ledgerImport(
    @UploadedFile() file: UploadedFileData | undefined,
    @Query() query: LedgerImportQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportResult | JobStarted> {
    const upload = requireFile(file);
    const mapping = mappingOf(query, request, LEDGER_FIELDS);
    await this.mappings.checkRegion(query.region);
    const options = { commit: query.commit === 'true', year: query.year, actor: actorOf(request), region: query.region, mapping };
    if (query.async !== 'true') return this.ledger.import(upload, options);
    response.status(202);
    return this.jobs.ledgerImport(upload, options);
  }

  @Post('reports/:month')
  @HttpCode(200)
  @Roles('admin', 'region')
  @UseInterceptors(WorkbookUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: ImportResult })
  @ApiAcceptedResponse({ type: JobStarted, description: 'with ?async=true' })
  @ApiOperation({ summary: '导入某月月调度表（.xlsx）：县（市、区）只能导入本地项目；默认试导入，?commit=true 时全部导入或全部不导入；?async=true 时作为任务运行' })
  async reportImport(
    @Param('month', MonthParam) month: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @Query() query: ReportImportQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentScope() scope: Scope,
  ): Promise<ImportResult | JobStarted> {
    const upload = requireFile(file);
    const mapping = mappingOf(query, request, REPORT_FIELDS);
    // A county operator's files are their county's: the mapping kept is theirs.
    refuseOtherScope(scope, { region: query.region }, { region: { message: '只能使用本县（市、区）的列对应' } });
    const region = scope.region ?? query.region;
    await this.mappings.checkRegion(region);
    const options = { commit: query.commit === 'true', actor: actorOf(request), scope, reason: query.reason, region, mapping };
    if (query.async !== 'true') return this.reports.import(upload, month, options);
    response.status(202);
    return this.jobs.reportImport(upload, month, options);
  }

  @Get('jobs/:id')
  @ApiOkResponse({ type: JobView })
  @ApiOperation({ summary: '导入任务的进度与结果（仅发起人可见；任务保存在数据库中，任一服务器可查，结束 15 分钟后清除）' })
  job(@Param('id') id: string, @Req() request: Request): Promise<JobView> {
    return this.jobs.view(id, actorOf(request));
  }

}

/** The `mapping` parameter, from the query or the multipart form (not both). */
function mappingOf(query: { mapping?: string }, request: Request, fields: Record<string, FieldWords>) {
  const body = (request.body as Record<string, unknown> | undefined)?.mapping;
  if (query.mapping !== undefined && body !== undefined) {
    const message = 'mapping 只能在查询参数或表单字段中提供一处';
    throw badRequest(message, [{ field: 'mapping', code: 'invalidMapping', message }]);
  }
  return parseMapping(query.mapping ?? body, fields);
}
