import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../people/index.js';
import { ReferenceModule } from '../reference/index.js';
import { AuthSession } from './auth-session.entity.js';
import { DisplayToken } from './display-token.entity.js';
import { LoginAttempt } from './login-attempt.entity.js';
import { User } from './user.entity.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { DisplayTokensController } from './display-tokens.controller.js';
import { DisplayTokensService } from './display-tokens.service.js';
import { LoginLimiter } from './login-limiter.js';
import { SigningKey } from './signing-key.js';
import { UserAdminService } from './user-admin.service.js';
import { UsersController } from './users.controller.js';

export const AUTH_ENTITIES = [User, AuthSession, LoginAttempt, DisplayToken];

/** Who signs in: users, sessions and tokens, sign-in limits, wall-screen display tokens; the guard on every route. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(AUTH_ENTITIES), ReferenceModule, PeopleModule],
  controllers: [AuthController, UsersController, DisplayTokensController],
  providers: [AuthService, UserAdminService, DisplayTokensService, LoginLimiter, SigningKey, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
