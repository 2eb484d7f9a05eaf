import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentScope, CurrentUser, EDITORS, EVERY_ROLE, type Principal, Roles, type Scope } from '../access/index.js';
import { actorOf, asOfParam, IdParam, MonthParam, type Page, parseIfMatch } from '../common/index.js';
import { ListRequestsQuery, RaiseRequestDto, REQUEST_EVENT_FIELD_NAMES, REQUEST_EVENT_FIELDS, RequestEventDto, RequestSettingsDto } from './dto/request.dto.js';
import { RequestEngine } from './request.engine.js';
import type { RequestEvent } from './request.guards.js';
import type { RequestView } from './request.view.js';
import { RequestSettingsService, type RequestSettings } from './request-settings.service.js';
import { RequestsService, type MonthLists, type RequestDetail } from './requests.service.js';
import { refuseFieldsNotTaken } from '../workflow/index.js';

/** 要素保障 (docs/domain/requests.md; routes in docs/api.md "Requests and problems"). */
@ApiTags('requests')
@Controller()
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly engine: RequestEngine,
    private readonly settings: RequestSettingsService,
  ) {}

  @Get('request-settings')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '要素保障设置：受理时限（工作日）' })
  getSettings(): Promise<RequestSettings> {
    return this.settings.get();
  }

  @Put('request-settings')
  @Roles('admin')
  @ApiOperation({ summary: '修改受理时限（对此后提出的需求生效）' })
  putSettings(@Body() dto: RequestSettingsDto, @Req() request: Request): Promise<RequestSettings> {
    return this.settings.put(dto, actorOf(request));
  }

  @Post('projects/:id/requests')
  @Roles(...EDITORS)
  @ApiOperation({ summary: '提出要素保障需求（用地、能耗、环境容量、资金、审批、水电气、其他），按类型分派承办部门' })
  raise(@Param('id', IdParam) id: number, @Body() dto: RaiseRequestDto, @Req() request: Request, @CurrentScope() scope: Scope): Promise<RequestView> {
    return this.requests.raise(id, dto, actorOf(request), scope);
  }

  @Get('requests')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '需求列表（本人范围：县区本县、专班本链、部门本部门）；待办的按到期日在前' })
  list(@Query() query: ListRequestsQuery, @CurrentScope() scope: Scope): Promise<Page<RequestView>> {
    const { asOf, refDate, overdue, ...filters } = query;
    return this.requests.list({ ...filters, overdue: overdue === undefined ? undefined : overdue === 'true' }, scope, asOfParam(asOf), refDate);
  }

  @Get('requests/lists/:month')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '月度问题清单：该月提出的需求按简单 / 高频 / 复杂（及待研判），计数、逾期、平均办结天数、保障与需求' })
  @ApiQuery({ name: 'asOf', required: false })
  monthLists(@Param('month', MonthParam) month: string, @CurrentScope() scope: Scope, @Query('asOf') asOf?: string): Promise<MonthLists> {
    return this.requests.monthLists(month, scope, asOfParam(asOf));
  }

  @Get('requests/:id')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '需求详情及每一步流转（谁、何时、原因）' })
  @ApiQuery({ name: 'asOf', required: false })
  async findOne(@Param('id', IdParam) id: number, @CurrentScope() scope: Scope, @Res({ passthrough: true }) response: Response, @Query('asOf') asOf?: string): Promise<RequestDetail> {
    const view = await this.requests.findOne(id, scope, asOfParam(asOf));
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post('requests/:id/events')
  @Roles('admin', 'region', 'department')
  @HttpCode(200)
  @ApiOperation({ summary: '需求流转：ACCEPT / RESOLVE / RETURN（承办部门）、EVALUATE（提出的县区）、ESCALATE（市链长办）' })
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
