import { AsyncResource } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/**
 * The requests that may start heavy work (docs/operations.md "Heavy work"): a file download (a
 * Word, Excel or CSV export) or anything asked `asOf` a past instant (a replayed board, curve,
 * drill-down or chain page). Telling them apart by address alone is enough here: a request that
 * matches but turns out light only waits its turn a little.
 */
const MAY_BE_HEAVY = /\.(?:docx|xlsx|csv)(?:\?|$)|[?&]asOf=/;

/**
 * Express middleware: requests that may be heavy go in, one per turn of the event loop, after every
 * other request that has arrived. Their worker does the heavy part, but each still costs the request
 * thread a millisecond or two (sign-in, validation, handing the task over); twenty arriving at once
 * would keep a light request that came with them (a health check, a page's read) waiting for all
 * twenty. In line, a light request waits for one at most. Each continues in its own async context.
 */
export function heavyRequestsLast() {
  const waiting: (() => void)[] = [];
  const next = () => {
    waiting.shift()?.();
    if (waiting.length) setImmediate(next);
  };
  return (request: Request, _response: Response, proceed: NextFunction): void => {
    if (!MAY_BE_HEAVY.test(request.originalUrl)) return proceed();
    waiting.push(AsyncResource.bind(() => proceed()));
    if (waiting.length === 1) setImmediate(next);
  };
}
