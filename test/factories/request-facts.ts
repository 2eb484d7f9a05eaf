import type { RequestContext, RequestFacts } from '../../src/requests/index.js';

/** Facts and context for the request machine's pure guards: a 用地 request, raised, on 2024-06-12. */
export const REQUEST_TODAY = '2024-06-12';

export function requestContext(overrides: Partial<RequestFacts> = {}, today = REQUEST_TODAY): RequestContext {
  return { request: { kind: 'land', approvalKey: null, status: 'raised', promisedDate: null, raisedOn: '2024-06-03', ...overrides }, today };
}
