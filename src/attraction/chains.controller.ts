import { Body, Controller, Param, Put, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actorOf, QuarterParam, YearParam } from '../common/index.js';
import { ChainNoteAnswer, IndicatorFilingAnswer } from './attraction.responses.js';
import type { ChainNoteView, IndicatorFiling } from './attraction.types.js';
import { ChainFilingsService } from './chain-filings.service.js';
import { FileIndicatorsDto, PutChainNoteDto } from './dto/chain-filing.dto.js';
import { CHAIN_FILERS, CurrentScope, Roles, type Scope } from '../access/index.js';

/** What a chain's team files for its page (docs/domain/attraction.md "The chain page"); the page itself is the board's. */
@ApiTags('attraction')
@Controller('chains')
export class ChainsController {
  constructor(private readonly filings: ChainFilingsService) {}

  @Put(':code/indicators/:year/:quarter')
  @Roles(...CHAIN_FILERS)
  @ApiOperation({ summary: '填报产业链季度通用指标（本年累计；201 首次，200 新修订或相同内容）' })
  @ApiCreatedResponse({ type: IndicatorFilingAnswer, description: 'the first filing of the quarter' })
  @ApiOkResponse({ type: IndicatorFilingAnswer, description: 'a new revision, or the same again' })
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
  @ApiCreatedResponse({ type: ChainNoteAnswer, description: 'the first note of the year' })
  @ApiOkResponse({ type: ChainNoteAnswer, description: 'a new revision, or the same again' })
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
