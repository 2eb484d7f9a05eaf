import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiFileResponse, attachment, Clock, MonthNumberParam, yearOf, YearParam } from '../common/index.js';
import { HeavyWork } from '../heavy/index.js';
import { LedgerExportQuery } from './dto/excel-query.dto.js';
import { LedgerExportService } from './export/ledger-export.service.js';
import { XLSX_CONTENT_TYPE } from './export/sheet-style.js';
import { CurrentScope, type Scope } from '../access/index.js';

@ApiTags('excel')
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly ledger: LedgerExportService,
    private readonly heavy: HeavyWork,
    private readonly clock: Clock,
  ) {}

  @Get('ledger.xlsx')
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'the ledger workbook')
  @ApiOperation({ summary: '导出项目台账（与导入同列，可原样导回）；只含本人范围内的项目' })
  async ledgerExport(@Query() query: LedgerExportQuery, @CurrentScope() scope: Scope, @Res() response: Response): Promise<void> {
    const year = query.year ?? yearOf(this.clock.today());
    const body = await this.ledger.workbook(year, scope);
    response.status(200).type(XLSX_CONTENT_TYPE).set('Content-Disposition', attachment(`ledger-${year}.xlsx`, `聊城市${year}年制造业重点项目台账.xlsx`)).send(body);
  }

  @Get('bulletins/:year/:month.xlsx')
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'the bulletin workbook')
  @ApiOperation({ summary: '导出已发布的月通报（格式化工作簿，数字与已发布通报一致）；未发布 404' })
  async bulletinExport(
    @Param('year', YearParam) year: number,
    @Param('month', MonthNumberParam) month: number,
    @Res() response: Response,
  ): Promise<void> {
    // A worker thread makes it (BulletinExportService.workbook) once; a published bulletin never changes, so it is kept.
    const body = await this.heavy.run<Buffer>('bulletin.xlsx', { year, month }, { cacheKey: `bulletin.xlsx:${year}-${month}` });
    response
      .status(200)
      .type(XLSX_CONTENT_TYPE)
      .set('Content-Disposition', attachment(`bulletin-${year}-${String(month).padStart(2, '0')}.xlsx`, `聊城市制造业重点项目月通报-${year}年${month}月.xlsx`))
      .send(body);
  }
}
