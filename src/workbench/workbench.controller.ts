import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, CurrentUser, EVERY_ROLE, type Principal, Roles, type Scope } from '../access/index.js';
import { MonthParam } from '../common/index.js';
import { WorkbenchProjectsQuery } from './dto/workbench.query.js';
import { ReportSheetAnswer, WorkbenchContextAnswer, WorkbenchProjectPageAnswer } from './workbench.responses.js';
import { WorkbenchService, type ReportSheet, type WorkbenchContext, type WorkbenchProjectPage } from './workbench.service.js';

/** Reads for the operators' workbench pages (工作台, `/workbench/`); every write goes through the project and report routes. */
@ApiTags('workbench')
@Controller('workbench')
export class WorkbenchController {
  constructor(private readonly workbench: WorkbenchService) {}

  @Get('context')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '工作台：当前用户、范围、今天的日期与默认填报月份（上月）' })
  @ApiOkResponse({ type: WorkbenchContextAnswer })
  context(@CurrentUser() user: Principal): Promise<WorkbenchContext> {
    return this.workbench.context(user);
  }

  @Get('projects')
  @ApiOperation({ summary: '工作台项目列表：本人范围内的项目，含所选月份的月报状态（已报/未报）与蓝黄红' })
  @ApiOkResponse({ type: WorkbenchProjectPageAnswer })
  projects(@Query() query: WorkbenchProjectsQuery, @CurrentScope() scope: Scope): Promise<WorkbenchProjectPage> {
    return this.workbench.projectList(query, scope);
  }

  @Get('reports/:month')
  @ApiOperation({ summary: '月调度填报表：该月应报项目，各含本月已报数据、上月数据与本年累计' })
  @ApiOkResponse({ type: ReportSheetAnswer })
  reportSheet(@Param('month', MonthParam) month: string, @CurrentScope() scope: Scope): Promise<ReportSheet> {
    return this.workbench.reportSheet(month, scope);
  }
}
