import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiFileResponse, attachment, MonthNumberParam, YearParam } from '../common/index.js';
import { HeavyWork } from '../heavy/index.js';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The published bulletin as a Word document (.docx), beside its .xlsx under /api/exports: made in
 * a worker thread (heavy work, BulletinDocxService) once, then served from the cache, since a
 * published bulletin never changes.
 */
@ApiTags('bulletins')
@Controller('exports')
export class BulletinDocxController {
  constructor(private readonly heavy: HeavyWork) {}

  @Get('bulletins/:year/:month.docx')
  @ApiFileResponse(DOCX_CONTENT_TYPE, 'the bulletin as a Word document')
  @ApiOperation({ summary: '导出已发布的月通报（Word 文档，通报格式；数字与已发布通报一致，附审计检查点）；未发布 404' })
  async bulletinDocx(
    @Param('year', YearParam) year: number,
    @Param('month', MonthNumberParam) month: number,
    @Res() response: Response,
  ): Promise<void> {
    const body = await this.heavy.run<Buffer>('bulletin.docx', { year, month }, { cacheKey: `bulletin.docx:${year}-${month}` });
    response
      .status(200)
      .type(DOCX_CONTENT_TYPE)
      .set('Content-Disposition', attachment(`bulletin-${year}-${String(month).padStart(2, '0')}.docx`, `聊城市制造业重点项目月通报-${year}年${month}月.docx`))
      .send(body);
  }
}
