// @ts-check
// The one API client of both pages: JSON in and out, the signed-in session, one error type
// carrying the server's error body. The session is a bearer token in localStorage under one
// key, so every tab of either page is signed in; everything that knows how the session
// travels is in `credentials` (and storeToken/clearToken/hasSession), so that it can become
// a cookie with a CSRF header in one place.

import { displayToken } from '/shared/display.js';

/** @typedef {import('/shared/types.js').ApiErrorBody} ApiErrorBody */

const TOKEN_KEY = 'tracker.token';

/** A refused or failed API call: the HTTP status (0 when the server could not be reached) and the server's error body. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {ApiErrorBody | null} body
   */
  constructor(status, message, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

// ------------------------------------------------------------------ the session

/** Whether this browser holds a session (without asking the server). */
export function hasSession() {
  return readToken() !== null;
}

/** Keeps the session the sign-in answer gave. */
export function storeToken(/** @type {string} */ token) {
  try {
    localStorage.setItem(TOKEN_KEY, token);
  } catch {
    /* storage unavailable: the page still works until it is reloaded */
  }
}

/** Forgets the session (signing out, or the server no longer accepts it). */
export function clearToken() {
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage unavailable */
  }
}

function readToken() {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** The headers that carry the session on a request (a wall screen's display token first, see display.js). */
function credentials() {
  const token = displayToken() ?? readToken();
  /** @type {Record<string, string>} */
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/** @type {() => void} */
let unauthenticated = () => {};

/** What the page does when the server answers 401 (show its sign-in form, go to the sign-in page). */
export function onUnauthenticated(/** @type {() => void} */ handler) {
  unauthenticated = handler;
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
  const response = await send(path, options, 'application/json');
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
  const response = await send(path, {}, '*/*');
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
 * @param {string} path
 * @param {RequestOptions} options
 * @param {string} accept
 */
async function send(path, options, accept) {
  /** @type {Record<string, string>} */
  const headers = { Accept: accept, ...credentials(), ...(options.headers || {}) };
  /** @type {BodyInit | undefined} */
  let body;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(path, { method: options.method || 'GET', headers, body, signal: options.signal, cache: 'no-store' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, '无法连接服务器，请检查网络后重试', null);
  }
}

/** The ApiError of a refused response; a 401 also ends the session and tells the page. */
async function failure(/** @type {Response} */ response) {
  const text = await response.text();
  /** @type {ApiErrorBody | null} */
  let body = null;
  try {
    const parsed = text ? JSON.parse(text) : null;
    if (parsed && typeof parsed === 'object' && typeof parsed.message === 'string') body = { ...parsed, details: Array.isArray(parsed.details) ? parsed.details : [] };
  } catch {
    body = null;
  }
  if (response.status === 401) {
    clearToken();
    unauthenticated();
  }
  return new ApiError(response.status, body?.message || `请求失败（${response.status}）`, body);
}
