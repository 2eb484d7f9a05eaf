import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachment, Clock, MonthNumberParam, YearParam } from '../common/index.js';
import { bulletinDocument } from './bulletin-document.js';
import type { PublishedBulletin } from './bulletin-format.js';
import { BulletinsService } from './bulletins.service.js';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The published bulletin as a Word document (.docx), beside its .xlsx under /api/exports. */
@ApiTags('bulletins')
@Controller('exports')
export class BulletinDocxController {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly clock: Clock,
  ) {}

  @Get('bulletins/:year/:month.docx')
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出已发布的月通报（Word 文档，通报格式；数字与已发布通报一致，附审计检查点）；未发布 404' })
  async bulletinDocx(
    @Param('year', YearParam) year: number,
    @Param('month', MonthNumberParam) month: number,
    @Res() response: Response,
  ): Promise<void> {
    const bulletin = JSON.parse(await this.bulletins.find(year, month)) as PublishedBulletin;
    const body = await bulletinDocument(bulletin, {
      dateOf: (instant) => this.clock.dateOf(instant),
      wallClock: (instant) => this.clock.wallClock(instant),
      zoneLabel: this.clock.zoneLabel,
    });
    response
      .status(200)
      .type(DOCX_CONTENT_TYPE)
      .set('Content-Disposition', attachment(`bulletin-${year}-${String(month).padStart(2, '0')}.docx`, `聊城市制造业重点项目月通报-${year}年${month}月.docx`))
      .send(body);
  }
}
