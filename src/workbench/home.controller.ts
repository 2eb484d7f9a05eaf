import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, EVERY_ROLE, type Principal, Roles } from '../access/index.js';
import { HomeQuery } from './dto/home.query.js';
import { HomeService } from './home.service.js';
import type { LeaderHome } from './home.types.js';
import { LeaderHomeAnswer } from './workbench.responses.js';

/** A leader's or 专员's own view (docs/domain/responsibility.md "A leader's home"). */
@ApiTags('responsibility')
@Controller('me')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Get('home')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '我的：本人（关联人员）牵头的产业链与包联/服务的项目，各含蓝黄红、序时、待办与逾期需求，以及下属人员' })
  @ApiOkResponse({ type: LeaderHomeAnswer })
  read(@CurrentUser() user: Principal, @Query() query: HomeQuery): Promise<LeaderHome> {
    return this.home.home(user, query);
  }
}
