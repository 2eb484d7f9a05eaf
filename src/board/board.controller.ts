import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actorOf, ApiPageResponse, asOfParam, badRequest, MonthNumberParam, type Page, reasonQuery, YearParam } from '../common/index.js';
import { DashboardService, type CurvePoint, type ListedProjectRow } from './dashboard.service.js';
import { DashboardProjectsQuery, DashboardQuery } from './dto/dashboard.query.js';
import { PutRatingOverrideDto } from './dto/rating-override.dto.js';
import type { OverrideScope } from './rating-override.entity.js';
import { RatingsService, type OverrideView } from './ratings.service.js';
import { CurrentScope, type Scope } from '../access/index.js';
import { CurvePointAnswer, DashboardAnswer, ListedProjectAnswer, OverrideAnswer } from './board.responses.js';

const ScopeParam = {
  transform(value: string): OverrideScope {
    if (value !== 'region' && value !== 'chain')
      throw badRequest('scope 必须是 region 或 chain', [{ field: 'scope', code: 'invalidScope', message: 'scope 必须是 region 或 chain' }]);
    return value;
  },
};

/** The target board's routes (docs/board.md): the dashboard, its curve and listed projects, 蓝黄红 overrides. */
@Controller()
export class BoardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly ratings: RatingsService,
  ) {}

  @Get('dashboard/:year')
  @ApiOperation({ summary: '目标看板（挂图作战）：165亿、开工率、大项目、重点项目、产业链、县区排名、预警清单（红色预警）、配置预警' })
  @ApiOkResponse({ type: DashboardAnswer })
  async board(@Param('year', YearParam) year: number, @Query() query: DashboardQuery, @Res() response: Response): Promise<void> {
    // JSON bytes as they are made (a replay's by its worker thread): the same answer res.json would send.
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.send(await this.dashboard.boardJson(year, query.month ?? this.dashboard.defaultMonth(year), asOfParam(query.asOf)));
  }

  @Get('dashboard/:year/curve')
  @ApiOperation({ summary: '实施类累计完成投资与序时进度（逐月）' })
  @ApiOkResponse({ type: [CurvePointAnswer], description: 'months 1..M' })
  curve(@Param('year', YearParam) year: number, @Query() query: DashboardQuery): Promise<CurvePoint[]> {
    return this.dashboard.curve(year, query.month ?? this.dashboard.defaultMonth(year), asOfParam(query.asOf));
  }

  @Get('dashboard/:year/projects')
  @ApiOperation({ summary: '清单项目及其序时进度（按县区、产业链、清单筛选，分页）' })
  @ApiPageResponse(ListedProjectAnswer)
  listed(@Param('year', YearParam) year: number, @Query() query: DashboardProjectsQuery, @CurrentScope() scope: Scope): Promise<Page<ListedProjectRow>> {
    return this.dashboard.listedProjects(
      year,
      query.month ?? this.dashboard.defaultMonth(year),
      { scope, region: query.region, chain: query.chain, category: query.list, ...(query.project !== undefined ? { projectIds: [query.project] } : {}) },
      query.page ?? 1,
      query.pageSize ?? 50,
      asOfParam(query.asOf),
    );
  }

  @Get('ratings/:year/:month')
  @ApiOperation({ summary: '当月生效的人工调色' })
  @ApiOkResponse({ type: [OverrideAnswer] })
  overrides(@Param('year', YearParam) year: number, @Param('month', MonthNumberParam) month: number): Promise<OverrideView[]> {
    return this.ratings.overrides(year, month);
  }

  @Put('ratings/:year/:month/:scope/:key')
  @ApiOperation({ summary: '人工调整县区或产业链的颜色（必须填写原因；看板同时显示计算颜色）' })
  @ApiCreatedResponse({ type: OverrideAnswer, description: 'a new override' })
  @ApiOkResponse({ type: OverrideAnswer, description: 'the override in force, changed' })
  async putOverride(
    @Param('year', YearParam) year: number,
    @Param('month', MonthNumberParam) month: number,
    @Param('scope', ScopeParam) scope: OverrideScope,
    @Param('key') key: string,
    @Body() dto: PutRatingOverrideDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OverrideView> {
    const { created, override } = await this.ratings.put(year, month, scope, key, dto, actorOf(request));
    response.status(created ? 201 : 200);
    return override;
  }

  @Delete('ratings/:year/:month/:scope/:key')
  @HttpCode(204)
  @ApiOperation({ summary: '撤销人工调色' })
  @ApiNoContentResponse({ description: 'revoked' })
  @ApiQuery({ name: 'reason', required: false })
  async revokeOverride(
    @Param('year', YearParam) year: number,
    @Param('month', MonthNumberParam) month: number,
    @Param('scope', ScopeParam) scope: OverrideScope,
    @Param('key') key: string,
    @Query('reason') reason: unknown,
    @Req() request: Request,
  ): Promise<void> {
    await this.ratings.revoke(year, month, scope, key, reasonQuery(reason), actorOf(request));
  }
}
