import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DisplayTokenInfo, IssuedDisplayTokenInfo } from './auth.responses.js';
import { IdParam } from '../common/index.js';
import { DisplayTokensService, type DisplayTokenView, type IssuedDisplayToken } from './display-tokens.service.js';
import { CreateDisplayTokenDto } from './dto/display-token.dto.js';
import { CurrentUser, type Principal, Roles } from '../access/index.js';

/** Wall-screen tokens (大屏令牌): the admin makes, lists and revokes them. */
@ApiTags('auth')
@ApiBearerAuth()
@Roles('admin')
@Controller('display-tokens')
export class DisplayTokensController {
  constructor(private readonly displays: DisplayTokensService) {}

  @Post()
  @ApiOperation({ summary: '新建大屏令牌（只读看板，默认 365 天）：返回的 token 只显示这一次；大屏链接为 /#display=<token>' })
  @ApiCreatedResponse({ type: IssuedDisplayTokenInfo })
  create(@Body() dto: CreateDisplayTokenDto, @CurrentUser() user: Principal): Promise<IssuedDisplayToken> {
    return this.displays.create(dto.name, dto.days ?? 365, user.username);
  }

  @Get()
  @ApiOperation({ summary: '大屏令牌列表：名称、创建、到期、最近使用、撤销' })
  @ApiOkResponse({ type: [DisplayTokenInfo] })
  list(): Promise<DisplayTokenView[]> {
    return this.displays.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '撤销大屏令牌：立即失效（此后 401）' })
  @ApiNoContentResponse({ description: 'revoked' })
  revoke(@Param('id', IdParam) id: number, @CurrentUser() user: Principal): Promise<void> {
    return this.displays.revoke(id, user.username);
  }
}
