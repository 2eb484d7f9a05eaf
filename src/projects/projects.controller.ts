import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actorOf, ApiPageResponse, asOfParam, badRequest, IdParam, type Page, parseIfMatch, reasonQuery } from '../common/index.js';
import { EVENT_FIELDS, LifecycleEventDto } from './dto/lifecycle-event.dto.js';
import { LifecycleEngine } from './lifecycle.engine.js';
import { APPROVAL_KEYS, type ApprovalKey, type LifecycleEvent } from '../lifecycle/index.js';
import { ApprovalsService, CommentAnswer, CommentDto, type CommentView, MilestoneAnswer, CreateProjectDto, MilestoneDto, MilestonesService, type MilestoneView, parseMilestoneList, ProjectRecordsService, PutApprovalDto, UpdateProjectDto } from '../project-records/index.js';
import { ListProjectsQuery } from './dto/list-projects.query.js';
import { ProjectView } from './project.view.js';
import { ProjectsService } from './projects.service.js';
import { HistoryView } from './project.responses.js';
import { CurrentScope, EDITORS, EVERY_ROLE, Roles, type Scope } from '../access/index.js';
import { refuseFieldsNotTaken } from '../workflow/index.js';

/** `:key` of an approval: one of the six, else a 400. */
export const ApprovalKeyParam = {
  transform(value: string): ApprovalKey {
    if (!(APPROVAL_KEYS as readonly string[]).includes(value))
      throw badRequest('未知的前期手续', [{ field: 'key', code: 'invalidApproval', message: `前期手续应为 ${APPROVAL_KEYS.join(', ')} 之一` }]);
    return value as ApprovalKey;
  },
};

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly lifecycle: LifecycleEngine,
    private readonly records: ProjectRecordsService,
    private readonly approvals: ApprovalsService,
    private readonly milestones: MilestonesService,
  ) {}

  @Get()
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '项目列表（筛选、分页）；要素保障部门只见有本部门需求的项目' })
  @ApiPageResponse(ProjectView, 'projects by code; `next` is the cursor of the following page (`?after=`)')
  list(@Query() query: ListProjectsQuery, @CurrentScope() scope: Scope): Promise<Page<ProjectView>> {
    return this.projects.list(query, scope);
  }

  @Post()
  @Roles(...EDITORS)
  @ApiOperation({ summary: '新建项目（储备）；县区操作员只能在本县区新建' })
  @ApiCreatedResponse({ type: ProjectView, description: 'the new project, with `lists: []`' })
  create(@Body() dto: CreateProjectDto, @Req() request: Request, @CurrentScope() scope: Scope): Promise<ProjectView> {
    return this.projects.create(dto, actorOf(request), scope);
  }

  @Get(':id')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '项目详情，含 allowedEvents 与 version（ETag）' })
  @ApiOkResponse({ type: ProjectView })
  @ApiQuery({ name: 'asOf', required: false, description: 'instant with offset: the project as recorded then' })
  async findOne(
    @Param('id', IdParam) id: number,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
    @Query('asOf') asOf?: string,
  ): Promise<ProjectView> {
    const view = await this.projects.findOne(id, scope, asOfParam(asOf));
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Patch(':id')
  @Roles(...EDITORS)
  @ApiOperation({ summary: '修改项目（需带读取时的 version 或 If-Match；过期 412）' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: ProjectView })
  async update(
    @Param('id', IdParam) id: number,
    @Body() dto: UpdateProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const view = await this.projects.update(id, dto, parseIfMatch(ifMatch), actorOf(request), scope);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post(':id/events')
  @Roles(...EDITORS)
  @HttpCode(200)
  @ApiOperation({ summary: '阶段流转：PROMOTE / DEFER / START / HALT / RESUME / COMPLETE / WITHDRAW' })
  @ApiBody({ type: LifecycleEventDto })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: ProjectView })
  async event(
    @Param('id', IdParam) id: number,
    @Body() dto: LifecycleEventDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    refuseFieldsNotTaken(dto, ['date', 'reason', 'plannedStartDate'], EVENT_FIELDS);
    await this.lifecycle.apply(id, { ...dto } as LifecycleEvent, { actor: actorOf(request), expectedVersion: parseIfMatch(ifMatch), scope });
    const view = await this.projects.findOne(id, scope);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':id/history')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '项目变更与阶段流转记录（时间正序）' })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOkResponse({ type: [HistoryView] })
  history(@Param('id', IdParam) id: number, @CurrentScope() scope: Scope, @Query('asOf') asOf?: string): Promise<HistoryView[]> {
    return this.projects.historyOf(id, scope, asOfParam(asOf));
  }

  @Get(':id/comments')
  @ApiOperation({ summary: '项目评论' })
  @ApiOkResponse({ type: [CommentAnswer] })
  comments(@Param('id', IdParam) id: number, @CurrentScope() scope: Scope): Promise<CommentView[]> {
    return this.records.comments(id, scope);
  }

  @Post(':id/comments')
  @Roles('admin', 'region', 'chain')
  @ApiOperation({ summary: '发表评论（产业链专班、县区、市链长办）' })
  @ApiCreatedResponse({ type: CommentAnswer })
  addComment(@Param('id', IdParam) id: number, @Body() dto: CommentDto, @Req() request: Request, @CurrentScope() scope: Scope): Promise<CommentView> {
    return this.records.addComment(id, dto.text, actorOf(request), scope);
  }

  @Put(':id/approvals/:key')
  @Roles(...EDITORS)
  @ApiOperation({ summary: '前期手续办理状态（督办）：未办 / 办理中 / 容缺受理（承诺日期）/ 已办（办结日期）' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: ProjectView, description: 'the project after the change (ETag: its version)' })
  async putApproval(
    @Param('id', IdParam) id: number,
    @Param('key', ApprovalKeyParam) key: ApprovalKey,
    @Body() dto: PutApprovalDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    await this.approvals.put(id, key, dto, parseIfMatch(ifMatch), actorOf(request), scope);
    const view = await this.projects.findOne(id, scope);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':id/milestones')
  @ApiOperation({ summary: '项目节点计划（正排进度）：[{ name, plannedDate, actualDate }]' })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOkResponse({ type: [MilestoneAnswer] })
  getMilestones(@Param('id', IdParam) id: number, @CurrentScope() scope: Scope, @Query('asOf') asOf?: string): Promise<MilestoneView[]> {
    return this.milestones.list(id, scope, asOfParam(asOf));
  }

  @Put(':id/milestones')
  @Roles(...EDITORS)
  @ApiOperation({ summary: '设置项目节点计划（整表替换）；无倒排工期的清单条目按节点推算月度计划' })
  @ApiBody({ type: [MilestoneDto] })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiQuery({ name: 'reason', required: false, description: '调整原因（年度计划发布后，推算的月度计划变化记为计划调整）' })
  @ApiOkResponse({ type: [MilestoneAnswer], description: 'the milestones now (ETag: the project\'s version)' })
  async putMilestones(
    @Param('id', IdParam) id: number,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Query('reason') reason: unknown,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MilestoneView[]> {
    const items = await parseMilestoneList(body);
    const milestones = await this.projects.putMilestones(id, items, { ifMatch: parseIfMatch(ifMatch), actor: actorOf(request), scope, reason: reasonQuery(reason) });
    const view = await this.projects.findOne(id, scope);
    response.setHeader('ETag', `"${view.version}"`);
    return milestones;
  }
}
