import { Body, Controller, Get, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CHAIN_FILERS, CurrentScope, Roles, type Scope } from '../access/principal.js';
import { actorOf, asOfParam, QuarterParam, YearParam } from '../common/http-params.js';
import { DashboardService } from '../board/dashboard.service.js';
import type { ChainNoteView, ChainPage, IndicatorFiling } from './attraction.types.js';
import { ChainFilingsService } from './chain-filings.service.js';
import { ChainPageService } from '../board/chain-page.service.js';
import { ChainPageQuery, FileIndicatorsDto, PutChainNoteDto } from './dto/chain-filing.dto.js';

/** A chain's page and what its team files (docs/domain/attraction.md "The chain page"). */
@ApiTags('attraction')
@Controller('chains')
export class ChainsController {
  constructor(
    private readonly pages: ChainPageService,
    private readonly filings: ChainFilingsService,
    private readonly dashboard: DashboardService,
  ) {}

  @Get(':code/page/:year')
  @ApiOperation({ summary: '产业链页面：附件整行目标与完成（项目、完成投资、签约、到位、通用指标、差异化指标）及招商项目' })
  page(@Param('code') code: string, @Param('year', YearParam) year: number, @Query() query: ChainPageQuery): Promise<ChainPage> {
    return this.pages.page(code, year, query.month ?? this.dashboard.defaultMonth(year), asOfParam(query.asOf));
  }

  @Put(':code/indicators/:year/:quarter')
  @Roles(...CHAIN_FILERS)
  @ApiOperation({ summary: '填报产业链季度通用指标（本年累计；201 首次，200 新修订或相同内容）' })
  async indicators(
    @Param('code') code: string,
    @Param('year', YearParam) year: number,
    @Param('quarter', QuarterParam) quarter: number,
    @Body() dto: FileIndicatorsDto,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IndicatorFiling> {
    const { created, ...filing } = await this.filings.fileIndicators(code, year, quarter, dto, actorOf(request), scope);
    response.status(created ? 201 : 200);
    return filing;
  }

  @Put(':code/notes/:year')
  @Roles(...CHAIN_FILERS)
  @ApiOperation({ summary: '更新差异化指标的状态与进展说明（201 首次，200 更新）' })
  async note(
    @Param('code') code: string,
    @Param('year', YearParam) year: number,
    @Body() dto: PutChainNoteDto,
    @Req() request: Request,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ChainNoteView> {
    const { created, ...note } = await this.filings.putNote(code, year, dto, actorOf(request), scope);
    response.status(created ? 201 : 200);
    return note;
  }
}
