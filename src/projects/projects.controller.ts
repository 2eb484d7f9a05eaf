import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { badRequest } from '../common/api-error.js';
import { actorOf, IdParam, parseIfMatch } from '../common/http-params.js';
import { EVENT_FIELDS, LifecycleEventDto } from '../lifecycle/dto/lifecycle-event.dto.js';
import { LifecycleEngine } from '../lifecycle/lifecycle.engine.js';
import type { LifecycleEvent } from '../lifecycle/lifecycle.guards.js';
import { CreateProjectDto } from './dto/create-project.dto.js';
import { ListProjectsQuery } from './dto/list-projects.query.js';
import { UpdateProjectDto } from './dto/update-project.dto.js';
import { ProjectView } from './project.view.js';
import { ProjectsService, type HistoryView, type Page } from './projects.service.js';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly lifecycle: LifecycleEngine,
  ) {}

  @Get()
  @ApiOperation({ summary: '项目列表（筛选、分页）' })
  list(@Query() query: ListProjectsQuery): Promise<Page<ProjectView>> {
    return this.projects.list(query);
  }

  @Post()
  @ApiOperation({ summary: '新建项目（储备）' })
  @ApiOkResponse({ type: ProjectView })
  create(@Body() dto: CreateProjectDto, @Req() request: Request): Promise<ProjectView> {
    return this.projects.create(dto, actorOf(request));
  }

  @Get(':id')
  @ApiOperation({ summary: '项目详情，含 allowedEvents 与 version（ETag）' })
  @ApiOkResponse({ type: ProjectView })
  async findOne(@Param('id', IdParam) id: number, @Res({ passthrough: true }) response: Response): Promise<ProjectView> {
    const view = await this.projects.findOne(id);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改项目（需带读取时的 version 或 If-Match；过期 412）' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: ProjectView })
  async update(
    @Param('id', IdParam) id: number,
    @Body() dto: UpdateProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const view = await this.projects.update(id, dto, parseIfMatch(ifMatch), actorOf(request));
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post(':id/events')
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
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectView> {
    const allowed = EVENT_FIELDS[dto.type];
    const extra = (['date', 'reason', 'plannedStartDate'] as const).filter((f) => dto[f] !== undefined && !allowed.includes(f));
    if (extra.length)
      throw badRequest(`事件 ${dto.type} 不接受这些字段：${extra.join(', ')}`, extra.map((field) => ({ field, code: 'unknownField', message: `事件 ${dto.type} 不接受字段 ${field}` })));
    await this.lifecycle.apply(id, { ...dto } as LifecycleEvent, { actor: actorOf(request), expectedVersion: parseIfMatch(ifMatch) });
    const view = await this.projects.findOne(id);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':id/history')
  @ApiOperation({ summary: '项目变更与阶段流转记录（时间正序）' })
  history(@Param('id', IdParam) id: number): Promise<HistoryView[]> {
    return this.projects.history(id);
  }
}
