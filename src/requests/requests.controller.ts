import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentScope, CurrentUser, EDITORS, EVERY_ROLE, LEAD_WRITERS, type Principal, Roles, type Scope } from '../access/index.js';
import { actorOf, ApiPageResponse, asOfParam, IdParam, MonthParam, type Page, parseIfMatch } from '../common/index.js';
import {
  FileDisbursementDto,
  ListRequestsQuery,
  RaiseProblemDto,
  RaiseRequestDto,
  REQUEST_EVENT_FIELD_NAMES,
  REQUEST_EVENT_FIELDS,
  RequestEventDto,
  RequestSettingsDto,
} from './dto/request.dto.js';
import type { FactorTotals } from './factor-guarantee.types.js';
import { factorTotals } from './factor-totals.js';
import { MonthListsService } from './month-lists.service.js';
import { RequestEngine } from './request.engine.js';
import type { RequestEvent } from './request.guards.js';
import type { RequestView } from './request.view.js';
import { FactorTotalsAnswer, FiledDisbursementAnswer, MonthListsAnswer, RequestSettingsAnswer } from './request-lists.responses.js';
import { RequestAnswer, RequestDetailAnswer } from './request.responses.js';
import { type FiledDisbursement, RequestDisbursementsService } from './request-disbursements.service.js';
import { RequestSettingsService, type RequestSettings } from './request-settings.service.js';
import { RequestsService, type MonthLists, type RequestDetail } from './requests.service.js';
import { refuseFieldsNotTaken } from '../workflow/index.js';

/** 要素保障 (docs/domain/requests.md; routes in docs/api.md "Requests and problems"). */
@ApiTags('requests')
@Controller()
export class RequestsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly lists: MonthListsService,
    private readonly engine: RequestEngine,
    private readonly settings: RequestSettingsService,
    private readonly disbursements: RequestDisbursementsService,
  ) {}

  @Get('request-settings')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '要素保障设置：受理时限（工作日）' })
  @ApiOkResponse({ type: RequestSettingsAnswer })
  getSettings(): Promise<RequestSettings> {
    return this.settings.get();
  }

  @Put('request-settings')
  @Roles('admin')
  @ApiOperation({ summary: '修改受理时限（对此后提出的需求生效）' })
  @ApiOkResponse({ type: RequestSettingsAnswer })
  putSettings(@Body() dto: RequestSettingsDto, @Req() request: Request): Promise<RequestSettings> {
    return this.settings.put(dto, actorOf(request));
  }

  @Post('projects/:id/requests')
  @Roles(...EDITORS)
  @ApiOperation({ summary: '提出要素保障需求（用地、能耗、环境容量、资金、审批、水电气、其他），按类型分派承办部门' })
  @ApiCreatedResponse({ type: RequestDetailAnswer, description: 'the request as raised, with its first step' })
  raise(@Param('id', IdParam) id: number, @Body() dto: RaiseRequestDto, @Req() request: Request, @CurrentScope() scope: Scope): Promise<RequestDetail> {
    return this.requests.raise(id, dto, actorOf(request), scope);
  }

  @Post('requests')
  @Roles(...LEAD_WRITERS)
  @ApiOperation({
    summary: '登记企业问题（任一渠道：企业热线、企业诉求通、专员走访、巡链、月调度、其他）：涉及项目、企业（不在清单上也可）或产业链，按类型分派承办部门',
  })
  @ApiCreatedResponse({ type: RequestDetailAnswer, description: 'the problem as registered, with its first step' })
  raiseProblem(@Body() dto: RaiseProblemDto, @Req() request: Request, @CurrentScope() scope: Scope): Promise<RequestDetail> {
    return this.requests.raiseProblem(dto, actorOf(request), scope);
  }

  @Get('requests')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '需求列表（本人范围：县区本县、专班本链、部门本部门）；待办的按到期日在前' })
  @ApiPageResponse(RequestAnswer)
  list(@Query() query: ListRequestsQuery, @CurrentScope() scope: Scope): Promise<Page<RequestView>> {
    const { asOf, refDate, overdue, ...filters } = query;
    return this.requests.list({ ...filters, overdue: overdue === undefined ? undefined : overdue === 'true' }, scope, asOfParam(asOf), refDate);
  }

  @Get('requests/lists/:month')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '月度问题清单：该月提出的需求按简单 / 高频 / 复杂（及待研判），计数、逾期、平均办结天数、保障与需求' })
  @ApiOkResponse({ type: MonthListsAnswer })
  @ApiQuery({ name: 'asOf', required: false })
  monthLists(@Param('month', MonthParam) month: string, @CurrentScope() scope: Scope, @Query('asOf') asOf?: string): Promise<MonthLists> {
    return this.lists.monthLists(month, scope, asOfParam(asOf));
  }

  @Get('requests/totals/:month')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '要素保障年度累计（1 月至该月）：按要素和承办部门的服务项目数、需求量、保障量；资金授信与到位' })
  @ApiOkResponse({ type: FactorTotalsAnswer })
  @ApiQuery({ name: 'asOf', required: false })
  totals(@Param('month', MonthParam) month: string, @CurrentScope() scope: Scope, @Query('asOf') asOf?: string): Promise<FactorTotals> {
    return factorTotals(this.dataSource, { month, ...this.lists.at(month, asOfParam(asOf)) }, scope);
  }

  @Put('requests/:id/disbursements/:month')
  @Roles('admin', 'department')
  @ApiOperation({ summary: '填报资金需求某月到位金额（万元；201 首次，200 新修订或相同内容；合计不超过授信）' })
  @ApiCreatedResponse({ type: FiledDisbursementAnswer, description: 'the first filing of the month' })
  @ApiOkResponse({ type: FiledDisbursementAnswer, description: 'a new revision, or the same again' })
  async disburse(
    @Param('id', IdParam) id: number,
    @Param('month', MonthParam) month: string,
    @Body() dto: FileDisbursementDto,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FiledDisbursement> {
    const filed = await this.disbursements.file(id, month, dto, user);
    response.status(filed.created ? 201 : 200);
    return filed;
  }

  @Get('requests/:id')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '需求详情及每一步流转（谁、何时、原因）' })
  @ApiOkResponse({ type: RequestDetailAnswer, description: 'ETag: the version' })
  @ApiQuery({ name: 'asOf', required: false })
  async findOne(@Param('id', IdParam) id: number, @CurrentScope() scope: Scope, @Res({ passthrough: true }) response: Response, @Query('asOf') asOf?: string): Promise<RequestDetail> {
    const view = await this.requests.findOne(id, scope, asOfParam(asOf));
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post('requests/:id/events')
  @Roles('admin', 'region', 'chain', 'department')
  @HttpCode(200)
  @ApiOperation({
    summary: '需求流转：ACCEPT / RESOLVE / FEEDBACK / RETURN（承办部门）、EVALUATE（问题所在县区记录企业评价；全链问题由产业链专班）、ESCALATE / DECIDE（市链长办）',
  })
  @ApiOkResponse({ type: RequestDetailAnswer, description: 'the request after the event (ETag: its version)' })
  @ApiBody({ type: RequestEventDto })
  @ApiHeader({ name: 'If-Match', required: false })
  async event(
    @Param('id', IdParam) id: number,
    @Body() dto: RequestEventDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: Principal,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RequestDetail> {
    refuseFieldsNotTaken(dto, REQUEST_EVENT_FIELD_NAMES, REQUEST_EVENT_FIELDS);
    await this.engine.apply(id, { ...dto } as RequestEvent, user, { expectedVersion: parseIfMatch(ifMatch) });
    const view = await this.requests.findOne(id, scope);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
