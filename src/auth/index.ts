/** auth: the module's public face — what other modules may use (docs/architecture.md). */
export { AUTH_ENTITIES, AuthModule } from './auth.module.js';
export { AuthService } from './auth.service.js';
export { USERNAME } from './dto/auth.dto.js';
export { MIN_PASSWORD_LENGTH } from './password-policy.js';
export { hashPassword, PASSWORD_COST, setPasswordCostForTests } from './password.js';
export { User } from './user.entity.js';
export { DISPLAY_ROUTES } from './display-routes.js';
export { LoginLimiter } from './login-limiter.js';
export { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.js';
