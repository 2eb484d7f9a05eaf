import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, type Scope } from '../access/index.js';
import { asOfParam, YearParam } from '../common/index.js';
import { ChainPageQuery } from '../attraction/index.js';
import type { ChainPageView } from './dashboard.types.js';
import { ChainPageService } from './chain-page.service.js';
import { ChainPageAnswer } from './chain-page.responses.js';
import { DashboardService } from './dashboard.service.js';

/** A chain's page (docs/domain/attraction.md "The chain page"): the board's figures for the chain beside its appendix row. */
@ApiTags('attraction')
@Controller('chains')
export class BoardChainsController {
  constructor(
    private readonly pages: ChainPageService,
    private readonly dashboard: DashboardService,
  ) {}

  @Get(':code/page/:year')
  @ApiOperation({ summary: '产业链页面：附件整行目标与完成（项目、完成投资、签约、到位、通用指标、差异化指标）、招商项目、“5个1”与链长活动' })
  @ApiOkResponse({ type: ChainPageAnswer })
  page(@Param('code') code: string, @Param('year', YearParam) year: number, @Query() query: ChainPageQuery, @CurrentScope() scope: Scope): Promise<ChainPageView> {
    return this.pages.page(code, year, query.month ?? this.dashboard.defaultMonth(year), asOfParam(query.asOf), scope);
  }
}
