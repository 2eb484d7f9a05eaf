import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiFileResponse, attachment, Clock, MonthParam } from '../common/index.js';
import { READ_ONLY_ROLES, Roles } from '../access/index.js';
import { RequestAgendaService } from '../requests/index.js';
import { DOCX_CONTENT_TYPE } from './bulletin-docx.controller.js';

/** The 常务会 paper (docs/domain/requests.md "常务会"): the problems taken to the 市政府常务会 in a month, as a Word document. */
@Controller('requests/agenda')
export class AgendaDocxController {
  constructor(
    private readonly agenda: RequestAgendaService,
    private readonly clock: Clock,
  ) {}

  @Get(':month.docx')
  @Roles('admin', ...READ_ONLY_ROLES)
  @ApiFileResponse(DOCX_CONTENT_TYPE, 'the 常务会 paper as a Word document')
  @ApiOperation({ summary: '市政府常务会议题材料（Word）：该月提交常务会的问题，每题 议题、基本情况、存在问题、部门意见、建议、议定事项' })
  async paper(@Param('month', MonthParam) month: string, @Res() response: Response): Promise<void> {
    const content = await this.agenda.agenda(month);
    // The Word library is loaded on the first paper, not at start.
    const { agendaDocument } = await import('./agenda-document.js');
    const body = await agendaDocument(content, { dateOf: (i) => this.clock.dateOf(i), wallClock: (i) => this.clock.wallClock(i), zoneLabel: this.clock.zoneLabel });
    response.status(200).type(DOCX_CONTENT_TYPE).set('Content-Disposition', attachment(`agenda-${month}.docx`, `常务会议题材料-${month}.docx`)).send(body);
  }
}
