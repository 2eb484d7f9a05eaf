import { Body, Controller, Get, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CHAIN_FILERS, CurrentScope, EDITORS, EVERY_ROLE, Roles, type Scope } from '../access/index.js';
import { actorOf, asOfParam, IdParam, YearParam } from '../common/index.js';
import { ChainActivitiesService } from './chain-activities.service.js';
import { ChainResponsibilityService } from './chain-responsibility.service.js';
import { ActivitiesQuery, CreateActivityDto } from './dto/activity.dto.js';
import { PutChainResponsibilityDto, PutProjectResponsibilityDto } from './dto/responsibility.dto.js';
import { ActivityAnswer, ChainResponsibilityAnswer, ProjectResponsibilityAnswer } from './people.responses.js';
import type { ActivityView, ChainResponsibilityView, ProjectResponsibilityView } from './people.types.js';
import { ProjectResponsibilityService } from './project-responsibility.service.js';

/** Who answers for each chain and project, and what the 链长 do (docs/domain/responsibility.md). */
@ApiTags('responsibility')
@Controller()
export class ResponsibilityController {
  constructor(
    private readonly chains: ChainResponsibilityService,
    private readonly projects: ProjectResponsibilityService,
    private readonly activities: ChainActivitiesService,
  ) {}

  @Get('chains/:code/responsibility/:year')
  @ApiOperation({ summary: '产业链“5个1”：链长、责任部门、工作方案、支持措施、链主企业（含缺项与每次修订）' })
  @ApiOkResponse({ type: ChainResponsibilityAnswer })
  @ApiQuery({ name: 'asOf', required: false })
  chain(@Param('code') code: string, @Param('year', YearParam) year: number, @Query('asOf') asOf?: string): Promise<ChainResponsibilityView> {
    return this.chains.get(code, year, asOfParam(asOf));
  }

  @Put('chains/:code/responsibility/:year')
  @Roles(...CHAIN_FILERS)
  @ApiOperation({ summary: '维护产业链“5个1”（市链长办；产业链专班可改本链的部门、方案、措施、链主，不能改链长）；201 首次，200 修订或相同' })
  @ApiCreatedResponse({ type: ChainResponsibilityAnswer, description: 'the first filing of the year' })
  @ApiOkResponse({ type: ChainResponsibilityAnswer, description: 'a new revision, or the same again' })
  async putChain(
    @Param('code') code: string,
    @Param('year', YearParam) year: number,
    @Body() dto: PutChainResponsibilityDto,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ChainResponsibilityView> {
    const { created, ...view } = await this.chains.put(code, year, dto, actorOf(request), scope);
    response.status(created ? 201 : 200);
    return view;
  }

  @Get('projects/:id/responsibility')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '项目包联责任：市级包联领导、县级包联领导、服务专员、项目联系人' })
  @ApiOkResponse({ type: ProjectResponsibilityAnswer })
  @ApiQuery({ name: 'asOf', required: false })
  project(@Param('id', IdParam) id: number, @CurrentScope() scope: Scope, @Query('asOf') asOf?: string): Promise<ProjectResponsibilityView> {
    return this.projects.get(id, scope, asOfParam(asOf));
  }

  @Put('projects/:id/responsibility')
  @Roles(...EDITORS)
  @ApiOperation({ summary: '指定项目包联责任（市链长办：全部；县区：本县的县级包联领导、服务专员、联系人）；201 首次，200 修订或相同' })
  @ApiCreatedResponse({ type: ProjectResponsibilityAnswer, description: 'the first filing' })
  @ApiOkResponse({ type: ProjectResponsibilityAnswer, description: 'a new revision, or the same again' })
  async putProject(
    @Param('id', IdParam) id: number,
    @Body() dto: PutProjectResponsibilityDto,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectResponsibilityView> {
    const { created, ...view } = await this.projects.put(id, dto, actorOf(request), scope);
    response.status(created ? 201 : 200);
    return view;
  }

  @Get('chains/:code/activities')
  @ApiOperation({ summary: '链长活动（巡链、问链、诊链、调度会、融链固链对接），新的在前' })
  @ApiOkResponse({ type: [ActivityAnswer] })
  activityList(@Param('code') code: string, @Query() query: ActivitiesQuery): Promise<ActivityView[]> {
    return this.activities.list(code, query.year);
  }

  @Post('chains/:code/activities')
  @Roles(...CHAIN_FILERS)
  @ApiOperation({ summary: '记录链长活动；发现的问题可同时提出要素保障需求（需求的来源为本次活动）' })
  @ApiCreatedResponse({ type: ActivityAnswer })
  createActivity(@Param('code') code: string, @Body() dto: CreateActivityDto, @Req() request: Request, @CurrentScope() scope: Scope): Promise<ActivityView> {
    return this.activities.create(code, dto, actorOf(request), scope);
  }
}
