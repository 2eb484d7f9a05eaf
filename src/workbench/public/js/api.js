// The one fetch wrapper of the workbench: JSON in and out, the bearer token, and the
// sign-in page on 401. The token lives in localStorage so every tab of the workbench is
// signed in; it is also put in this tab's sessionStorage, where the war room looks.

const TOKEN_KEY = 'tracker.workbench.token';
const WAR_ROOM_TOKEN_KEY = 'tracker.token';

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export function token() {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(value) {
  try {
    localStorage.setItem(TOKEN_KEY, value);
    sessionStorage.setItem(WAR_ROOM_TOKEN_KEY, value);
  } catch {
    /* storage unavailable: the page still works until reload */
  }
}

export function clearToken() {
  try {
    localStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(WAR_ROOM_TOKEN_KEY);
  } catch {
    /* storage unavailable */
  }
}

/** Sends the browser to the sign-in page, coming back here afterwards. */
export function goToSignIn() {
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/workbench/login.html?next=${encodeURIComponent(next)}`);
}

async function send(path, options) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  let body = options.body;
  if (body !== undefined && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(body);
  }
  try {
    return await fetch(path, { method: options.method || 'GET', headers, body, cache: 'no-store' });
  } catch {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试', null);
  }
}

async function fail(response) {
  const text = await response.text();
  let body;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (response.status === 401) {
    clearToken();
    goToSignIn();
  }
  return new ApiError(response.status, (body && body.message) || `请求失败（${response.status}）`, body);
}

/** Calls a JSON API; throws ApiError (with status and the error body) when it is refused. */
export async function api(path, options = {}) {
  const response = await send(path, options);
  if (!response.ok) throw await fail(response);
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (options.withHeaders) return { body, status: response.status, headers: response.headers };
  return body;
}

/** Downloads a file from the API (with the token) and saves it under `filename`. */
export async function download(path, filename) {
  const response = await send(path, { headers: { Accept: '*/*' } });
  if (!response.ok) throw await fail(response);
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
