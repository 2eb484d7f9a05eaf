import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorNameEntry, PasswordReset, UserFormRules } from './auth.responses.js';
import { CurrentUser, EVERY_ROLE, type Principal, Roles } from '../access/index.js';
import { IdParam } from '../common/index.js';
import { type ActorName, UserAdminService, type UserRules } from './user-admin.service.js';

/** The 用户管理 page's routes beside `GET|POST /api/users` and `PATCH /api/users/:id` (auth.controller.ts). */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly admin: UserAdminService) {}

  @Get('rules')
  @Roles('admin')
  @ApiOperation({ summary: '用户管理表单的规则：用户名、密码、单位名称、角色及其范围、最后一个管理员' })
  @ApiOkResponse({ type: UserFormRules })
  rules(): Promise<UserRules> {
    return this.admin.rules();
  }

  @Get('names')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '历史记录中操作人的显示名称（单位名称，或由角色和范围得出）' })
  @ApiOkResponse({ type: [ActorNameEntry] })
  names(): Promise<ActorName[]> {
    return this.admin.actorNames();
  }

  @Post(':id/password-reset')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: '重置密码：服务器生成强密码，只在此次返回；该用户的会话全部结束' })
  @ApiOkResponse({ type: PasswordReset })
  resetPassword(@Param('id', IdParam) id: number, @CurrentUser() user: Principal): Promise<{ username: string; password: string }> {
    return this.admin.resetPassword(id, user.username);
  }
}
