import { Body, Controller, Get, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actorOf, MonthNumberParam, YearParam } from '../common/index.js';
import { BulletinListItem, CommentaryDraftBody, CommentaryState, PublishedBulletinBody } from './bulletin.responses.js';
import { BulletinsService, type BulletinSummary } from './bulletins.service.js';
import { BulletinCommentaryService, type CommentaryView } from './bulletin-commentary.service.js';
import type { CommentaryDraft } from './commentary-draft.js';
import { PutCommentaryDto } from './dto/commentary.dto.js';

@ApiTags('bulletins')
@Controller('bulletins')
export class BulletinsController {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly commentary: BulletinCommentaryService,
  ) {}

  @Get()
  @ApiOperation({ summary: '已发布的月通报' })
  @ApiOkResponse({ type: [BulletinListItem] })
  list(): Promise<BulletinSummary[]> {
    return this.bulletins.list();
  }

  @Post(':year/:month')
  @ApiOperation({ summary: '发布月通报：冻结该月看板（不可更改），并关闭该月' })
  @ApiCreatedResponse({ type: PublishedBulletinBody, description: 'the published bulletin, as GET answers it from now on' })
  async publish(
    @Param('year', YearParam) year: number,
    @Param('month', MonthNumberParam) month: number,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const text = await this.bulletins.publish(year, month, actorOf(request));
    response.status(201).type('application/json').send(text);
  }

  @Get(':year/:month')
  @ApiOperation({ summary: '读取已发布的月通报（与发布时逐字节一致）' })
  @ApiOkResponse({ type: PublishedBulletinBody })
  async find(
    @Param('year', YearParam) year: number,
    @Param('month', MonthNumberParam) month: number,
    @Res() response: Response,
  ): Promise<void> {
    response.status(200).type('application/json').send(await this.bulletins.find(year, month));
  }

  @Get(':year/:month/draft')
  @ApiOperation({ summary: '通报正文草稿：由该月数据生成的总体情况、存在问题、表扬（已发布的月份按发布时的数据）' })
  @ApiOkResponse({ type: CommentaryDraftBody })
  draft(@Param('year', YearParam) year: number, @Param('month', MonthNumberParam) month: number): Promise<CommentaryDraft> {
    return this.commentary.draft(year, month);
  }

  @Get(':year/:month/commentary')
  @ApiOperation({ summary: '通报正文：现行文字、各版本（发布后的更正为新版本，首发版本保留）' })
  @ApiOkResponse({ type: CommentaryState })
  commentaryView(@Param('year', YearParam) year: number, @Param('month', MonthNumberParam) month: number): Promise<CommentaryView> {
    return this.commentary.view(year, month);
  }

  @Put(':year/:month/commentary')
  @ApiOperation({ summary: '保存通报正文（总体情况、存在问题、下步工作、表扬）；通报发布后须填写更正原因，另存为新版本' })
  @ApiOkResponse({ type: CommentaryState })
  putCommentary(
    @Param('year', YearParam) year: number,
    @Param('month', MonthNumberParam) month: number,
    @Body() dto: PutCommentaryDto,
    @Req() request: Request,
  ): Promise<CommentaryView> {
    return this.commentary.put(year, month, dto, actorOf(request));
  }
}
