import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentScope, type Scope } from '../access/index.js';
import { actorOf, YearParam } from '../common/index.js';
import { ApplyRolloverDto, CreatePlanDto, PatchPlanDto } from './dto/plan.dto.js';
import { RolloverService } from './rollover.service.js';
import { PlanAnswer, PlanYear, RolloverApplied, RolloverProposalAnswer } from './plan.responses.js';
import { PlansService, type PlanView, type RolloverProposal } from './plans.service.js';

/** Year plans (年度计划): docs/domain/figures.md "Year plans". Writes are the city office's (admin). */
@ApiTags('plans')
@Controller('targets')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly rollovers: RolloverService,
  ) {}

  @Get()
  @ApiOperation({ summary: '有年度计划的年份（新到旧）及其状态' })
  @ApiOkResponse({ type: [PlanYear] })
  years(): Promise<PlanYear[]> {
    return this.plans.years();
  }

  @Get(':year')
  @ApiOperation({ summary: '年度计划：全市目标（金额万元）、各产业链附件指标、各县区规则、状态、发布后调整' })
  @ApiOkResponse({ type: PlanAnswer })
  plan(@Param('year', YearParam) year: number): Promise<PlanView> {
    return this.plans.plan(year);
  }

  @Post(':year')
  @ApiOperation({ summary: '新建年度计划（草案）：给出全部目标，或 { copyFrom: 年份 } 复制；年份已存在 409' })
  @ApiCreatedResponse({ type: PlanAnswer, description: 'the new draft plan' })
  create(@Param('year', YearParam) year: number, @Body() dto: CreatePlanDto, @Req() request: Request): Promise<PlanView> {
    return this.plans.create(year, dto, actorOf(request));
  }

  @Patch(':year')
  @ApiOperation({ summary: '修改年度计划（任意字段；发布后须填写 reason，记为计划调整）' })
  @ApiOkResponse({ type: PlanAnswer })
  update(@Param('year', YearParam) year: number, @Body() dto: PatchPlanDto, @Req() request: Request): Promise<PlanView> {
    return this.plans.update(year, dto, actorOf(request));
  }

  @Post(':year/publish')
  @HttpCode(200)
  @ApiOperation({ summary: '发布年度计划：冻结计划与清单；清单规模与计划不符时 422 并列出每一处' })
  @ApiOkResponse({ type: PlanAnswer })
  publish(@Param('year', YearParam) year: number, @Req() request: Request): Promise<PlanView> {
    return this.plans.publish(year, actorOf(request));
  }

  @Get(':year/rollover')
  @ApiOperation({ summary: '滚动接续：由本年清单提出下一年清单建议（续建、未开工、转入实施类），计划投资待填；县区、产业链用户只见本范围的项目' })
  @ApiOkResponse({ type: RolloverProposalAnswer })
  rollover(@Param('year', YearParam) year: number, @CurrentScope() scope: Scope): Promise<RolloverProposal> {
    return this.rollovers.rollover(year, scope);
  }

  @Post(':year/rollover')
  @HttpCode(200)
  @ApiOperation({ summary: '把编辑后的建议列入下一年清单（全部成功或全部不变）' })
  @ApiOkResponse({ type: RolloverApplied })
  applyRollover(@Param('year', YearParam) year: number, @Body() dto: ApplyRolloverDto, @Req() request: Request): Promise<RolloverApplied> {
    return this.rollovers.applyRollover(year, dto, actorOf(request));
  }
}
