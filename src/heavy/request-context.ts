import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** The request being served, wherever its work is awaited (the heavy-work gate asks it who the caller is). */
const CURRENT = new AsyncLocalStorage<Request>();

/** Express middleware that makes the request the current one for everything its handling awaits. */
export function requestContext() {
  return (request: Request, _response: Response, next: NextFunction): void => CURRENT.run(request, next);
}

/**
 * Who is asking, for per-caller limits: the signed-in user or wall screen's name once the guard
 * has admitted it, else the client address; undefined outside a request (start-up, the CLI, a worker).
 */
export function currentCaller(): string | undefined {
  const request = CURRENT.getStore();
  if (!request) return undefined;
  const user = (request as Request & { user?: { username?: string } }).user?.username;
  return user ?? `address:${request.ip ?? 'unknown'}`;
}
