import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * Every request has an id, sent back in `X-Request-Id`, written in its log line and in any
 * error body (`requestId`), so that a user's report ("请求编号 …") can be matched to the log.
 * An id given by a proxy in front of the app is kept when it is a short, plain token; anything
 * else is replaced (a header could otherwise inject text into the log).
 */
export const REQUEST_ID_HEADER = 'X-Request-Id';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;
const REQUEST_ID = Symbol('requestId');

type WithId = Request & { [REQUEST_ID]?: string };

/** Gives the request its id (the caller's, when safe, else a new one) and puts it on the response. */
export function assignRequestId(request: Request, response: Response): string {
  const given = request.headers[REQUEST_ID_HEADER.toLowerCase()];
  const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomBytes(8).toString('hex');
  (request as WithId)[REQUEST_ID] = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The request's id, once assigned (undefined before the first middleware ran). */
export function requestIdOf(request: Request): string | undefined {
  return (request as WithId)[REQUEST_ID];
}
