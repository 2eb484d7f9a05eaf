import type { CookieOptions, Request, Response } from 'express';

/**
 * The pages' session: the same signed token as a bearer token, kept in a cookie that page
 * scripts cannot read (HttpOnly) and that the browser sends only with requests started
 * from the app's own pages (SameSite=Strict). Writes made with it also need the
 * X-CSRF-Token header (see AuthGuard).
 */
export const SESSION_COOKIE = 'tracker_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The characters a token is made of (base64url parts joined by dots). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_\-.]+$/;

export function sessionTokenOf(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return TOKEN_PATTERN.test(value) ? value : undefined;
    }
  }
  return undefined;
}

function options(request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: request.secure, encode: String };
}

export function setSessionCookie(response: Response, request: Request, token: string, ttlSeconds: number): void {
  response.cookie(SESSION_COOKIE, token, { ...options(request), maxAge: ttlSeconds * 1000 });
}

export function clearSessionCookie(response: Response, request: Request): void {
  response.clearCookie(SESSION_COOKIE, options(request));
}
