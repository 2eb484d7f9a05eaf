import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/api-error.js';
import { IdParam } from '../common/http-params.js';
import { AuthService, TooManyAttempts, type UserView } from './auth.service.js';
import { CreateUserDto, LoginDto, UpdateUserDto } from './dto/auth.dto.js';
import { LoginLimiter } from './login-limiter.js';
import { CurrentUser, Public, Roles, type AuthenticatedRequest, type Principal } from './principal.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: LoginLimiter,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录，返回 accessToken（Bearer）' })
  async login(@Body() dto: LoginDto, @Req() request: AuthenticatedRequest): Promise<{ accessToken: string }> {
    const keys = [`user:${dto.username}`, `ip:${request.ip ?? 'unknown'}`];
    const wait = this.limiter.retryAfter(keys);
    if (wait > 0) throw new TooManyAttempts(wait);
    const token = await this.auth.login(dto.username, dto.password);
    if (!token) {
      this.limiter.fail(keys);
      throw new ApiError(401, '用户名或密码错误', [{ code: 'badCredentials', message: '用户名或密码错误' }]);
    }
    this.limiter.succeed([`user:${dto.username}`]);
    return { accessToken: token };
  }

  @Get('auth/me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录用户、角色与范围' })
  me(@CurrentUser() user: Principal): Principal {
    return user;
  }

  @Get('users')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: '用户列表（管理员）' })
  users(): Promise<UserView[]> {
    return this.auth.listUsers();
  }

  @Post('users')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: '新建用户（管理员）' })
  create(@Body() dto: CreateUserDto, @CurrentUser() user: Principal): Promise<UserView> {
    return this.auth.createUser(dto, user.username);
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改用户角色、范围、密码或停用（旧令牌随即失效）' })
  update(@Param('id', IdParam) id: number, @Body() dto: UpdateUserDto, @CurrentUser() user: Principal): Promise<UserView> {
    return this.auth.updateUser(id, dto, user.username);
  }
}
