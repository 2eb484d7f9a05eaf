import { Body, Controller, Get, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actorOf, asOfParam, Clock, IdParam, lastMonthOf, MonthParam } from '../common/index.js';
import { FileReportDto } from './dto/file-report.dto.js';
import { ReportsService, type FiledReport, type MissingReports, type MonthReportView, type ReportView } from './reports.service.js';
import { FiledReportAnswer, MissingReportsAnswer, MonthReportAnswer, ReportRevisionAnswer } from './report.responses.js';
import { CurrentScope, EDITORS, EVERY_ROLE, Roles, type Scope } from '../access/index.js';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly clock: Clock,
  ) {}

  @Put('projects/:id/reports/:month')
  @Roles(...EDITORS)
  @ApiOperation({ summary: '填报月调度（201 首次填报，200 新修订或相同内容）' })
  @ApiCreatedResponse({ type: FiledReportAnswer, description: 'the month\'s first report' })
  @ApiOkResponse({ type: FiledReportAnswer, description: 'a new revision, or the same content as the latest again (no new revision)' })
  async file(
    @Param('id', IdParam) id: number,
    @Param('month', MonthParam) month: string,
    @Body() dto: FileReportDto,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FiledReport> {
    const filed = await this.reports.file(id, month, dto, actorOf(request), scope);
    response.status(filed.created ? 201 : 200);
    return filed;
  }

  @Get('projects/:id/reports')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '项目各月月报（最新修订及修订次数）' })
  @ApiQuery({ name: 'asOf', required: false, description: 'instant with offset: the reports as recorded then' })
  @ApiOkResponse({ type: [MonthReportAnswer] })
  monthly(@Param('id', IdParam) id: number, @CurrentScope() scope: Scope, @Query('asOf') asOf?: string): Promise<MonthReportView[]> {
    return this.reports.monthly(id, scope, asOfParam(asOf));
  }

  @Get('projects/:id/reports/:month/revisions')
  @ApiOperation({ summary: '某月月报的全部修订（谁、何时）' })
  @ApiOkResponse({ type: [ReportRevisionAnswer] })
  revisions(@Param('id', IdParam) id: number, @Param('month', MonthParam) month: string, @CurrentScope() scope: Scope): Promise<ReportView[]> {
    return this.reports.revisions(id, month, scope);
  }

  @Get('reports/missing')
  @ApiOperation({ summary: '催报名单：在建项目未报该月月报者，按县（市、区）分组（默认上月）' })
  @ApiQuery({ name: 'month', required: false, description: 'YYYY-MM, default: last month' })
  @ApiOkResponse({ type: MissingReportsAnswer })
  missing(@CurrentScope() scope: Scope, @Query('month') month?: string): Promise<MissingReports> {
    const target = month === undefined ? lastMonthOf(this.clock.today()) : MonthParam.transform(month);
    return this.reports.missing(target, scope);
  }
}
