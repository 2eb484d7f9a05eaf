import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { DisplayTokensController } from './display-tokens.controller.js';
import { DisplayTokensService } from './display-tokens.service.js';
import { LoginLimiter } from './login-limiter.js';

@Global()
@Module({
  controllers: [AuthController, DisplayTokensController],
  providers: [AuthService, DisplayTokensService, LoginLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
