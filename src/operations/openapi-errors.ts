/**
 * The error answers of the OpenAPI document, declared once (docs/api.md "Errors"): the one error
 * shape (common/all-exceptions.filter.ts) and which statuses an operation can give, from what the
 * operation is (its method, parameters, body, sign-in), not from a hand list per route.
 */

/** The one error shape: every 4xx/5xx of the API is this JSON. */
export const API_ERROR_SCHEMAS = {
  ApiErrorDetail: {
    type: 'object',
    description: 'One reason the request was refused.',
    required: ['code', 'message'],
    properties: {
      field: { type: 'string', description: 'the field (or header, parameter) at fault, when there is one' },
      code: { type: 'string', description: 'for programs, e.g. `versionRequired`, `tooManyAttempts`, `databaseUnavailable`' },
      message: { type: 'string', description: 'for people (中文)' },
    },
  },
  ApiError: {
    type: 'object',
    description: 'Every error answer (docs/api.md "Errors").',
    required: ['statusCode', 'error', 'message', 'details'],
    properties: {
      statusCode: { type: 'integer', description: 'the HTTP status again' },
      error: { type: 'string', description: 'the status\'s standard text, e.g. `Unprocessable Entity`' },
      message: { type: 'string', description: 'what went wrong, for people (中文)' },
      details: { type: 'array', items: { $ref: '#/components/schemas/ApiErrorDetail' }, description: 'every reason, each with a code; may be empty' },
      requestId: { type: 'string', description: 'the request\'s X-Request-Id, as written in the server\'s log' },
    },
  },
};

const RETRY_AFTER = { 'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer' } } };

/** What each status means here (docs/api.md "Errors"). */
const MEANING: Record<number, string> = {
  400: 'Malformed request: bad JSON, a wrong type, an unknown field, a bad parameter, date or month.',
  401: 'Not signed in, or the token or session is invalid or expired.',
  403: 'Signed in but not allowed: the role may not do this, a display token outside the board, or a session write without X-CSRF-Token.',
  404: 'Unknown id, or an object outside the caller\'s scope (the two are not told apart).',
  409: 'The current state does not take this (an event the project\'s, request\'s or lead\'s state does not accept, or a duplicate).',
  412: 'Stale: the If-Match header or the body\'s `version` is not the row\'s version now (someone changed it since it was read).',
  413: 'The body is over the server\'s limit (BODY_LIMIT).',
  415: 'A body in a content type the operation does not take, or JSON in a charset other than UTF-8.',
  422: 'A guard or business rule refused it; `details` names every reason.',
  429: 'Too many at once (sign-in guesses, or a third export or replay in flight from one caller); see Retry-After.',
  500: 'A fault on the server (a bug, a failed disk): a write it stopped was rolled back; the body carries the requestId to quote to the operators.',
  503: 'The server cannot serve it now (the database cannot be reached, too busy, shutting down); see Retry-After.',
};

function answer(status: number, extra?: string): Record<string, unknown> {
  return {
    description: extra ? `${MEANING[status]} ${extra}` : MEANING[status],
    ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
  };
}

export interface OperationFacts {
  method: string;
  path: string;
  /** No sign-in (`@Public()`). */
  open: boolean;
  /** It takes parameters (path, query, header). */
  input: boolean;
  /** It takes a request body. */
  body: boolean;
  /** It takes the version the caller read (If-Match or `version`). */
  versioned: boolean;
  /** It may run heavy work (an export, a replay as of a past instant) under the per-caller limit. */
  heavy: boolean;
  /** A sign-in (open, answers 401 to a wrong password). */
  signIn: boolean;
  /** Under the password guess limits (sign-in, the password change). */
  guessLimited: boolean;
}

/**
 * The error answers an operation can give:
 * - 401, 403: behind sign-in (403 also for a role, a display token or a missing CSRF token); a sign-in itself answers 401 to a wrong password;
 * - 400, 422: it takes parameters (path, query, header) or a body (the validation pipe: malformed 400, outside its rule 422);
 * - 404: its path has parameters (an id, a month …), or it is behind sign-in and takes a body or a query that may name a record (a project, a lead, a bulletin);
 * - 409, 422: a write behind sign-in (state and business rules);
 * - 412: it takes a version;
 * - 413, 415: a write (any request with a body passes the body checks);
 * - 429: sign-in and the password change (guess limits), heavy work;
 * - 500 and 503: every operation (a fault on the server, in the same shape; the database may be unreachable).
 */
export function errorAnswers(facts: OperationFacts): Record<string, Record<string, unknown>> {
  const write = ['post', 'put', 'patch', 'delete'].includes(facts.method);
  const statuses = new Set<number>([500, 503]);
  if (facts.input || facts.body) {
    // The validation pipe: a malformed value is 400, a well-formed one outside its rule (a range, a length) 422.
    statuses.add(400);
    statuses.add(422);
  }
  if (!facts.open || facts.signIn) statuses.add(401);
  if (!facts.open) statuses.add(403);
  if (/\{[^}]+\}/.test(facts.path) || (!facts.open && (facts.input || facts.body))) statuses.add(404);
  if (write && !facts.open) {
    statuses.add(409);
    statuses.add(422);
  }
  if (facts.versioned) statuses.add(412);
  if (write) {
    statuses.add(413);
    statuses.add(415);
  }
  if (facts.heavy || facts.guessLimited) statuses.add(429);
  return Object.fromEntries([...statuses].sort().map((status) => [String(status), answer(status)]));
}
