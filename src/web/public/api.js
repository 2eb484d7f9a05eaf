// @ts-check
// The one API client of both pages: JSON in and out, the signed-in session, one error type
// carrying the server's error body. The session is the server's HttpOnly, SameSite=Strict
// cookie, which no page script can read; the browser sends it by itself. What the page keeps
// is the session's CSRF token, in sessionStorage (this tab only: a new tab asks the server
// for it), and it goes with every write in X-CSRF-Token. Everything that knows how the session
// travels is in this file: `credentials`, storeToken/clearToken/hasSession, and the session's
// own calls (signIn, resumeSession, signOut, changePassword).

import { displayToken } from '/shared/display.js';

/** @typedef {import('/shared/types.js').ApiErrorBody} ApiErrorBody */
/** @typedef {import('/shared/types.js').SessionView} SessionView */
/** @typedef {import('/shared/types.js').SessionUser} SessionUser */

const CSRF_KEY = 'tracker.csrf';
const CSRF_HEADER = 'X-CSRF-Token';
/** Methods that change nothing: the server asks no CSRF token for them. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A refused or failed API call: the HTTP status (0 when the server could not be reached) and the server's error body. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {ApiErrorBody | null} body
   * @param {number | null} [retryAfter] seconds to wait before trying again (429, 503), when the server says
   */
  constructor(status, message, body, retryAfter = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

// ------------------------------------------------------------------ the session

// An earlier version kept a bearer token in localStorage, where any script of the origin can
// read it: forget it wherever it is still there.
try {
  localStorage.removeItem('tracker.token');
} catch {
  /* storage unavailable */
}

/** Whether this tab holds the session's CSRF token (without asking the server). */
export function hasSession() {
  return readToken() !== null;
}

/** Keeps the CSRF token the server gave with the session (this tab only). */
export function storeToken(/** @type {string} */ csrfToken) {
  try {
    sessionStorage.setItem(CSRF_KEY, csrfToken);
  } catch {
    /* storage unavailable: the next write asks the server for the token again */
  }
}

/** Forgets the CSRF token (signing out, or the server no longer knows the session). */
export function clearToken() {
  try {
    sessionStorage.removeItem(CSRF_KEY);
  } catch {
    /* storage unavailable */
  }
}

function readToken() {
  try {
    return sessionStorage.getItem(CSRF_KEY);
  } catch {
    return null;
  }
}

/**
 * The headers that carry the session on a request: a wall screen's display token goes as a bearer
 * token (display.js; read-only, so no CSRF token); otherwise the cookie goes by itself and a write
 * adds the CSRF token.
 */
function credentials(/** @type {string} */ method) {
  /** @type {Record<string, string>} */
  const headers = {};
  const display = displayToken();
  if (display) {
    headers.Authorization = `Bearer ${display}`;
    return headers;
  }
  const token = readToken();
  if (token && !READS.has(method)) headers[CSRF_HEADER] = token;
  return headers;
}

/** @type {() => void} */
let unauthenticated = () => {};

/** @type {(() => Promise<boolean>) | null} */
let reauthenticate = null;

/**
 * What the page does when a write finds the session gone (it ended, or timed out, while the
 * person was typing): sign in again over the page (resolving true once signed in) so the write
 * is sent once more and nothing typed is lost; false gives up (then the 401 is handled as usual).
 */
export function onSessionExpired(/** @type {() => Promise<boolean>} */ handler) {
  reauthenticate = handler;
}

/** What the page does when the server answers 401 (show its sign-in form, go to the sign-in page). */
export function onUnauthenticated(/** @type {() => void} */ handler) {
  unauthenticated = handler;
}

/**
 * Signs in (POST /api/auth/session): the server sets the session cookie, and the CSRF token
 * is kept. A refusal (401 wrong name or password, 429 too many attempts, 503 busy) is thrown
 * as an ApiError; it is an answer to the form, not a sign of having been signed out.
 * @param {string} username
 * @param {string} password
 * @returns {Promise<SessionUser>}
 */
export async function signIn(username, password) {
  const response = await send('/api/auth/session', { method: 'POST', body: { username, password } }, 'application/json');
  if (!response.ok) throw await failure(response, false);
  /** @type {SessionView} */
  const session = await response.json();
  storeToken(session.csrfToken);
  return session.user;
}

/**
 * The session this browser already has (GET /api/auth/session), for a tab that has no CSRF
 * token yet (or a stale one): keeps the token and resolves to the user; without a session
 * the 401 sends the page to its sign-in.
 * @returns {Promise<SessionUser>}
 */
export async function resumeSession() {
  /** @type {SessionView} */
  const session = await api('/api/auth/session');
  storeToken(session.csrfToken);
  return session.user;
}

/** Ends the session on the server (POST /api/auth/logout, 204) and forgets its token here. */
export async function signOut() {
  try {
    await api('/api/auth/logout', { method: 'POST' });
  } finally {
    clearToken();
  }
}

/**
 * Changes the signed-in user's own password (POST /api/auth/password, 204): the user's other
 * sessions end, this one stays. Refusals: 422 wrongPassword, weakPassword, samePassword; 429.
 * @param {string} currentPassword
 * @param {string} newPassword
 * @returns {Promise<void>}
 */
export async function changePassword(currentPassword, newPassword) {
  await api('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}

// ------------------------------------------------------------------ requests

/**
 * @typedef {object} RequestOptions
 * @property {string} [method]
 * @property {Record<string, string>} [headers]
 * @property {unknown} [body] JSON-encoded, except FormData which is sent as it is
 * @property {AbortSignal} [signal]
 */

/**
 * Calls a JSON API path and resolves to its body; throws ApiError when it is refused or the
 * server cannot be reached (an aborted call throws the AbortError).
 * @template [T=unknown]
 * @param {string} path
 * @param {RequestOptions} [options]
 * @returns {Promise<T>}
 */
export async function api(path, options = {}) {
  const response = await request(path, options, 'application/json');
  if (!response.ok) throw await failure(response);
  const text = await response.text();
  if (!text) return /** @type {T} */ (null);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(response.status, '服务器返回的数据无法读取，请稍后重试', null);
  }
}

/**
 * Downloads a file from the API and saves it under the server's name (or `filename`).
 * @param {string} path
 * @param {string} filename
 * @returns {Promise<{ name: string, size: number }>}
 */
export async function download(path, filename) {
  const response = await request(path, {}, '*/*');
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition) || /filename="?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : filename;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { name, size: blob.size };
}

/**
 * Sends a request with the session; when the server refuses the CSRF token (another tab
 * signed in again, so this tab's token is stale), fetches the session's token once and
 * sends the request once more.
 * @param {string} path
 * @param {RequestOptions} options
 * @param {string} accept
 */
async function request(path, options, accept) {
  const response = await send(path, options, accept);
  const write = !READS.has(options.method || 'GET');
  if (response.status === 401 && write && reauthenticate && !path.startsWith('/api/auth/')) {
    clearToken();
    if (await reauthenticate()) return send(path, options, accept);
    return response;
  }
  if (response.status !== 403 || !(await refusesCsrfToken(response))) return response;
  await resumeSession();
  return send(path, options, accept);
}

/** Whether a 403 is the server refusing the CSRF token (detail code csrfTokenInvalid). */
async function refusesCsrfToken(/** @type {Response} */ response) {
  try {
    const body = await response.clone().json();
    return Array.isArray(body?.details) && body.details.some((/** @type {{ code?: unknown }} */ d) => d?.code === 'csrfTokenInvalid');
  } catch {
    return false;
  }
}

/**
 * @param {string} path
 * @param {RequestOptions} options
 * @param {string} accept
 */
async function send(path, options, accept) {
  const method = options.method || 'GET';
  /** @type {Record<string, string>} */
  const headers = { Accept: accept, ...credentials(method), ...(options.headers || {}) };
  /** @type {BodyInit | undefined} */
  let body;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(path, { method, headers, body, signal: options.signal, cache: 'no-store', credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, '无法连接服务器，请检查网络后重试', null);
  }
}

/**
 * The ApiError of a refused response. A 401 means the session is gone: its token is forgotten
 * and the page told (unless the call was the sign-in itself).
 * @param {Response} response
 * @param {boolean} [signedOutOn401]
 */
async function failure(response, signedOutOn401 = true) {
  const text = await response.text();
  /** @type {ApiErrorBody | null} */
  let body = null;
  try {
    const parsed = text ? JSON.parse(text) : null;
    if (parsed && typeof parsed === 'object' && typeof parsed.message === 'string') body = { ...parsed, details: Array.isArray(parsed.details) ? parsed.details : [] };
  } catch {
    body = null;
  }
  if (response.status === 401 && signedOutOn401) {
    clearToken();
    unauthenticated();
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(response.status, body?.message || `请求失败（${response.status}）`, body, Number.isInteger(retryAfter) && retryAfter > 0 ? retryAfter : null);
}
