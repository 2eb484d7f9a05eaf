import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiError, IdParam, unprocessable } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { SecurityLog } from '../audit/index.js';
import { AccessToken, Session, SignedInUser, UserAccount } from './auth.responses.js';
import { AuthService, type SessionView, type SignedIn, type UserView } from './auth.service.js';
import { ChangePasswordDto, CreateUserDto, LoginDto, UpdateUserDto } from './dto/auth.dto.js';
import { attemptKeys, LoginLimiter } from './login-limiter.js';
import { assertAcceptablePassword } from './password-policy.js';
import { type AuthenticatedRequest, type Credential, CurrentCredential, CurrentUser, EVERY_ROLE, type Principal, Public, Roles } from '../access/index.js';
import { clearSessionCookie, setSessionCookie, SESSION_COOKIE } from './session-cookie.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: LoginLimiter,
    private readonly security: SecurityLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录，返回 accessToken（Bearer，供 API 客户端使用）' })
  @ApiOkResponse({ type: AccessToken })
  async login(@Body() dto: LoginDto, @Req() request: AuthenticatedRequest): Promise<{ accessToken: string }> {
    return { accessToken: (await this.signIn(dto, request, 'bearer')).token };
  }

  @Public()
  @Post('auth/session')
  @HttpCode(200)
  @ApiOperation({
    summary: '页面登录：设置 HttpOnly 会话 Cookie，返回 csrfToken 与用户',
    description: `Sets \`${SESSION_COOKIE}\` (HttpOnly, SameSite=Strict). Every request it authenticates, except GET/HEAD/OPTIONS, must send \`X-CSRF-Token: <csrfToken>\`.`,
  })
  @ApiOkResponse({ type: Session })
  async startSession(
    @Body() dto: LoginDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    const signedIn = await this.signIn(dto, request, 'cookie');
    setSessionCookie(response, request, signedIn.token, this.config.tokenTtlSeconds);
    return this.auth.sessionView(signedIn.token, signedIn.principal);
  }

  @Get('auth/session')
  @Roles(...EVERY_ROLE)
  @ApiCookieAuth()
  @ApiOperation({ summary: '当前会话：csrfToken 与用户（会话无效时 401）' })
  @ApiOkResponse({ type: Session })
  session(@CurrentUser() user: Principal, @CurrentCredential() credential: Credential): Promise<SessionView> {
    return this.auth.sessionView(credential.token, user);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @Roles(...EVERY_ROLE)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: '退出登录：当前令牌（或会话 Cookie）立即失效' })
  @ApiNoContentResponse({ description: 'signed out (the session cookie, if any, is cleared)' })
  async logout(
    @CurrentUser() user: Principal,
    @CurrentCredential() credential: Credential,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.endSession(user, credential.sessionId);
    clearSessionCookie(response, request);
  }

  @Post('auth/password')
  @HttpCode(204)
  @Roles(...EVERY_ROLE)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: '修改本人密码（需当前密码）：本人其他令牌立即失效，当前令牌继续有效' })
  @ApiNoContentResponse({ description: 'password changed' })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentUser() user: Principal,
    @CurrentCredential() credential: Credential,
    @Req() request: AuthenticatedRequest,
  ): Promise<void> {
    if (dto.newPassword === dto.currentPassword)
      throw unprocessable('新密码不能与当前密码相同', [{ field: 'newPassword', code: 'samePassword', message: '新密码不能与当前密码相同' }]);
    assertAcceptablePassword(dto.newPassword, user.username, 'newPassword');
    // The current password is checked under the sign-in limits: a stolen session must not become a guessing oracle.
    const matched = await this.limiter.attempt(attemptKeys(user.username, request.ip), async ({ clean }) =>
      (await this.auth.passwordMatches(user.id, dto.currentPassword, { first: clean })) ? true : null,
    );
    if (!matched) throw unprocessable('当前密码不正确', [{ field: 'currentPassword', code: 'wrongPassword', message: '当前密码不正确' }]);
    await this.auth.changeOwnPassword(user, credential.sessionId, dto.newPassword);
  }

  @Get('auth/me')
  @Roles(...EVERY_ROLE)
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录用户、角色与范围' })
  @ApiOkResponse({ type: SignedInUser })
  me(@CurrentUser() user: Principal): Principal {
    return user;
  }

  @Get('users')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: '用户列表（管理员）' })
  @ApiOkResponse({ type: [UserAccount] })
  users(): Promise<UserView[]> {
    return this.auth.listUsers();
  }

  @Post('users')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: '新建用户（管理员）' })
  @ApiCreatedResponse({ type: UserAccount })
  create(@Body() dto: CreateUserDto, @CurrentUser() user: Principal): Promise<UserView> {
    return this.auth.createUser(dto, user.username);
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改用户角色、范围、密码或停用（旧令牌随即失效；最后一个启用的管理员不能降级或停用）' })
  @ApiOkResponse({ type: UserAccount })
  update(@Param('id', IdParam) id: number, @Body() dto: UpdateUserDto, @CurrentUser() user: Principal): Promise<UserView> {
    return this.auth.updateUser(id, dto, user.username);
  }

  /** Sign-in for both routes: the limits first (429), then the password check (401 when wrong). */
  private async signIn(dto: LoginDto, request: AuthenticatedRequest, via: Credential['via']): Promise<SignedIn> {
    request.attemptedUsername = dto.username;
    const signedIn = await this.limiter.attempt(attemptKeys(dto.username, request.ip), ({ clean }) => this.auth.signIn(dto.username, dto.password, via, { first: clean }));
    if (!signedIn) {
      await this.security.record({ kind: 'login-failed', username: dto.username, address: request.ip, route: 'POST /api/auth/' + (via === 'cookie' ? 'session' : 'login'), status: 401 });
      throw new ApiError(401, '用户名或密码错误', [{ code: 'badCredentials', message: '用户名或密码错误' }]);
    }
    return signedIn;
  }
}
