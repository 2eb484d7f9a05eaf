import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actorOf, ApiPageResponse, IdParam, MonthParam, type Page, parseIfMatch } from '../common/index.js';
import { FiledFundAnswer, FundAnswer, LeadAnswer, LeadSummaryAnswer } from './attraction.responses.js';
import type { FiledFund, FundView, LeadSummary, LeadView } from './attraction.types.js';
import { CreateLeadDto, FileFundDto, LEAD_EVENT_FIELDS, LeadEventDto, ListLeadsQuery, type LeadEventField } from './dto/lead.dto.js';
import type { LeadEvent } from './lead.guards.js';
import { LeadEngine } from './lead.engine.js';
import { LeadFundsService } from './lead-funds.service.js';
import { LeadsService } from './leads.service.js';
import { CurrentScope, LEAD_WRITERS, Roles, type Scope } from '../access/index.js';
import { refuseFieldsNotTaken } from '../workflow/index.js';

/** 招商项目 (docs/domain/attraction.md "Leads"): record, list, read, advance, file 到位资金. */
@ApiTags('attraction')
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly engine: LeadEngine,
    private readonly funds: LeadFundsService,
  ) {}

  @Post()
  @Roles(...LEAD_WRITERS)
  @ApiOperation({ summary: '登记招商项目（在谈）；产业链专班限本链，县区操作员限本县区' })
  @ApiCreatedResponse({ type: LeadAnswer, description: 'the lead as recorded (ETag: its version)' })
  async create(@Body() dto: CreateLeadDto, @Req() request: Request, @CurrentScope() scope: Scope, @Res({ passthrough: true }) response: Response): Promise<LeadView> {
    const view = await this.leads.create(dto, actorOf(request), scope);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get()
  @ApiOperation({ summary: '招商项目列表（本人范围内；按产业链、县区、状态筛选，分页）' })
  @ApiPageResponse(LeadSummaryAnswer)
  list(@Query() query: ListLeadsQuery, @CurrentScope() scope: Scope): Promise<Page<LeadSummary>> {
    return this.leads.list(query, scope);
  }

  @Get(':id')
  @ApiOperation({ summary: '招商项目详情：状态流转、到位资金、落地项目' })
  @ApiOkResponse({ type: LeadAnswer, description: 'ETag: the version' })
  async findOne(@Param('id', IdParam) id: number, @CurrentScope() scope: Scope, @Res({ passthrough: true }) response: Response): Promise<LeadView> {
    const view = await this.leads.findOne(id, scope);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post(':id/events')
  @Roles(...LEAD_WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: '状态流转：SIGN 签约 / LAND 落地（新建储备项目或关联已有项目）/ TERMINATE 终止' })
  @ApiOkResponse({ type: LeadAnswer, description: 'the lead after the event (ETag: its version)' })
  @ApiBody({ type: LeadEventDto })
  @ApiHeader({ name: 'If-Match', required: false })
  async event(
    @Param('id', IdParam) id: number,
    @Body() dto: LeadEventDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LeadView> {
    refuseFieldsNotTaken(dto, Object.keys(dto).filter((f): f is LeadEventField => f !== 'type'), LEAD_EVENT_FIELDS);
    await this.engine.apply(id, { ...dto } as LeadEvent, { actor: actorOf(request), expectedVersion: parseIfMatch(ifMatch), scope });
    const view = await this.leads.findOne(id, scope);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Put(':id/funds/:month')
  @Roles(...LEAD_WRITERS)
  @ApiOperation({ summary: '填报到位资金（万元；201 首次，200 新修订或相同内容）' })
  @ApiCreatedResponse({ type: FiledFundAnswer, description: 'the first filing of the month' })
  @ApiOkResponse({ type: FiledFundAnswer, description: 'a new revision, or the same again' })
  async fileFunds(
    @Param('id', IdParam) id: number,
    @Param('month', MonthParam) month: string,
    @Body() dto: FileFundDto,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FiledFund> {
    const filed = await this.funds.file(id, month, dto, actorOf(request), scope);
    response.status(filed.created ? 201 : 200);
    return filed;
  }

  @Get(':id/funds/:month/revisions')
  @ApiOperation({ summary: '某月到位资金的全部修订（谁、何时）' })
  @ApiOkResponse({ type: [FundAnswer], description: 'every revision of the month' })
  revisions(@Param('id', IdParam) id: number, @Param('month', MonthParam) month: string, @CurrentScope() scope: Scope): Promise<FundView[]> {
    return this.funds.revisions(id, month, scope);
  }
}
