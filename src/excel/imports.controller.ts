import { Controller, HttpCode, Param, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentScope, Roles, type Scope } from '../auth/principal.js';
import { actorOf, MonthParam } from '../common/http-params.js';
import { LedgerImportQuery, ReportImportQuery } from './dto/excel-query.dto.js';
import { ImportResult } from './import-result.js';
import { LedgerImportService } from './ledger-import.service.js';
import { ReportImportService } from './report-import.service.js';
import { requireFile, WorkbookUploadInterceptor, type UploadedFileData } from './upload.interceptor.js';

const FILE_BODY = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '.xlsx, at most 5 MB' } } },
};

@ApiTags('excel')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly ledger: LedgerImportService,
    private readonly reports: ReportImportService,
  ) {}

  @Post('ledger')
  @HttpCode(200)
  @Roles('admin')
  @UseInterceptors(WorkbookUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: ImportResult })
  @ApiOperation({ summary: '导入项目台账（.xlsx）：默认试导入，?commit=true 时全部导入或全部不导入' })
  ledgerImport(@UploadedFile() file: UploadedFileData | undefined, @Query() query: LedgerImportQuery, @Req() request: Request): Promise<ImportResult> {
    return this.ledger.import(requireFile(file), { commit: query.commit === 'true', year: query.year, actor: actorOf(request) });
  }

  @Post('reports/:month')
  @HttpCode(200)
  @Roles('admin', 'region')
  @UseInterceptors(WorkbookUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: ImportResult })
  @ApiOperation({ summary: '导入某月月调度表（.xlsx）：县（市、区）只能导入本地项目；默认试导入，?commit=true 时全部导入或全部不导入' })
  reportImport(
    @Param('month', MonthParam) month: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @Query() query: ReportImportQuery,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
  ): Promise<ImportResult> {
    return this.reports.import(requireFile(file), month, { commit: query.commit === 'true', actor: actorOf(request), scope, reason: query.reason });
  }
}
