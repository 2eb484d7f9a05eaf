import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actorOf, IdParam, reasonQuery, YearParam } from '../common/index.js';
import { PutListEntryDto } from './dto/list-entry.dto.js';
import { ListsService, type ListEntryView } from './lists.service.js';
import { ListEntryAnswer } from './plan.responses.js';
import { CurrentScope, type Scope } from '../access/index.js';

@ApiTags('lists')
@Controller('lists')
export class ListsController {
  constructor(private readonly lists: ListsService) {}

  @Get(':year')
  @ApiOperation({ summary: '年度清单（实施类、准备类）' })
  @ApiOkResponse({ type: [ListEntryAnswer] })
  entries(@Param('year', YearParam) year: number, @CurrentScope() scope: Scope): Promise<ListEntryView[]> {
    return this.lists.entries(year, scope);
  }

  @Put(':year/entries/:projectId')
  @ApiOperation({ summary: '列入或调整清单条目（201 新列入，200 调整或无变化）' })
  @ApiCreatedResponse({ type: ListEntryAnswer, description: 'newly put on the list' })
  @ApiOkResponse({ type: ListEntryAnswer, description: 'changed, or unchanged' })
  async put(
    @Param('year', YearParam) year: number,
    @Param('projectId', IdParam) projectId: number,
    @Body() dto: PutListEntryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ListEntryView | undefined> {
    const { created } = await this.lists.put(year, projectId, dto, { actor: actorOf(request) });
    response.status(created ? 201 : 200);
    return (await this.lists.entries(year)).find((entry) => entry.projectId === projectId);
  }

  @Delete(':year/entries/:projectId')
  @HttpCode(204)
  @ApiOperation({ summary: '移出清单（记录在案）' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiQuery({ name: 'reason', required: false })
  async remove(
    @Param('year', YearParam) year: number,
    @Param('projectId', IdParam) projectId: number,
    @Query('reason') reason: unknown,
    @Req() request: Request,
  ): Promise<void> {
    await this.lists.remove(year, projectId, reasonQuery(reason), { actor: actorOf(request) });
  }
}
