import { randomFillSync } from 'node:crypto';
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

/** Random bytes drawn 4 KiB at a time (one call to the system's generator per 512 ids, not one per request). */
const POOL = Buffer.alloc(4096);
let used = POOL.length;

/** A new id: 16 hex digits (8 random bytes), as before. */
function newId(): string {
  if (used === POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  used += 8;
  return POOL.toString('hex', used - 8, used);
}

/** Gives the request its id (the caller's, when safe, else a new one) and puts it on the response. */
export function assignRequestId(request: Request, response: Response): string {
  const given = request.headers[REQUEST_ID_HEADER.toLowerCase()];
  const id = typeof given === 'string' && SAFE_ID.test(given) ? given : newId();
  (request as WithId)[REQUEST_ID] = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The request's id, once assigned (undefined before the first middleware ran). */
export function requestIdOf(request: Request): string | undefined {
  return (request as WithId)[REQUEST_ID];
}
