import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiFileResponse, attachment, MonthParam } from '../common/index.js';
import { XLSX_CONTENT_TYPE } from './export/sheet-style.js';
import { RequestsExportService } from './export/requests-export.service.js';
import { CurrentScope, EVERY_ROLE, Roles, type Scope } from '../access/index.js';

@ApiTags('requests')
@Controller('exports/requests')
export class RequestsExportController {
  constructor(private readonly exports: RequestsExportService) {}

  @Get(':month.xlsx')
  @Roles(...EVERY_ROLE)
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'the month\'s problem lists workbook')
  @ApiOperation({ summary: '导出该月问题清单（简单 / 高频 / 复杂，供市政府常务会）；本人范围内的需求' })
  async monthLists(@Param('month', MonthParam) month: string, @CurrentScope() scope: Scope, @Res() response: Response): Promise<void> {
    const body = await this.exports.workbook(month, scope);
    response.status(200).type(XLSX_CONTENT_TYPE).set('Content-Disposition', attachment(`requests-${month}.xlsx`, `企业问题清单-${month}.xlsx`)).send(body);
  }
}
