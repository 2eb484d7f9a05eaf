import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actorOf, MonthNumberParam, YearParam } from '../common/index.js';
import { BulletinsService, type BulletinSummary } from './bulletins.service.js';

@ApiTags('bulletins')
@Controller('bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsService) {}

  @Get()
  @ApiOperation({ summary: '已发布的月通报' })
  list(): Promise<BulletinSummary[]> {
    return this.bulletins.list();
  }

  @Post(':year/:month')
  @ApiOperation({ summary: '发布月通报：冻结该月看板（不可更改），并关闭该月' })
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
  async find(
    @Param('year', YearParam) year: number,
    @Param('month', MonthNumberParam) month: number,
    @Res() response: Response,
  ): Promise<void> {
    response.status(200).type('application/json').send(await this.bulletins.find(year, month));
  }
}
