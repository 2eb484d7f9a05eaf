// The one fetch wrapper of the war room: JSON, the bearer token from sessionStorage,
// and the sign-in form on 401 (the APIs also answer without a token until sign-in lands).
import { wireSignInForm } from '/shared/sign-in.js';

const TOKEN_KEY = 'tracker.token';

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** Thrown when the server answers 401: the sign-in form has been shown. */
export class SignInRequired extends ApiError {}

let onSignedIn = () => {};
let formShown = false;

/** What to do once the user has signed in (reload the data). */
export function setSignedInHandler(handler) {
  onSignedIn = handler;
}

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** GET (or other method) a JSON API path; adds the token; shows the sign-in form on 401. */
export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method: options.method || 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    throw new ApiError(0, '无法连接服务器，请检查网络', null);
  }
  const text = await response.text();
  let body = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (response.status === 401) {
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      /* storage unavailable */
    }
    showSignIn();
    throw new SignInRequired(401, '请先登录', body);
  }
  if (!response.ok) {
    const message = (body && typeof body.message === 'string' && body.message) || `请求失败（${response.status}）`;
    throw new ApiError(response.status, response.status === 403 ? `无权访问：${message}` : message, body);
  }
  return body;
}

/** The Chinese sign-in form (用户名 / 密码 / 登录), posting to /api/auth/login. */
export function showSignIn() {
  const overlay = document.getElementById('signin');
  if (!overlay) return;
  document.body.dataset.state = 'login';
  if (formShown) return;
  formShown = true;
  overlay.hidden = false;
  const form = overlay.querySelector('form');
  const error = overlay.querySelector('[data-role="signin-error"]');
  error.textContent = '';
  const user = form.elements.namedItem('username');
  (user.value ? form.elements.namedItem('password') : user).focus();
}

function hideSignIn() {
  const overlay = document.getElementById('signin');
  overlay.hidden = true;
  formShown = false;
}

export function wireSignIn() {
  const overlay = document.getElementById('signin');
  const form = overlay.querySelector('form');
  const error = overlay.querySelector('[data-role="signin-error"]');
  const button = form.querySelector('button[type="submit"]');
  wireSignInForm(form, error, button, (token) => {
    sessionStorage.setItem(TOKEN_KEY, token);
    hideSignIn();
    onSignedIn();
  });
}
