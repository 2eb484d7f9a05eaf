// The sign-in page: POST /api/auth/login, keep the token, go back where the user was.

import { storeToken } from './api.js';
import { $ } from './dom.js';

/** Only a workbench path of this site may be the place to return to. */
function nextPath() {
  const next = new URLSearchParams(window.location.search).get('next') || '';
  return /^\/workbench\/[\w./?=&%-]*$/.test(next) && !next.startsWith('/workbench/login') ? next : '/workbench/';
}

const form = $('#login-form');
const error = $('[data-testid="login-error"]');
const button = $('[data-testid="login-submit"]');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = form.elements.namedItem('username').value.trim();
  const password = form.elements.namedItem('password').value;
  if (!username || !password) {
    error.textContent = '请输入用户名和密码';
    return;
  }
  button.disabled = true;
  error.textContent = '';
  try {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = await response.json().catch(() => null);
    if (!response.ok || !body || typeof body.accessToken !== 'string') {
      if (response.status === 429) error.textContent = '登录尝试过于频繁，请稍后再试';
      else if (response.status === 401 || response.status === 400 || response.status === 422) error.textContent = '用户名或密码错误';
      else error.textContent = `登录失败（${response.status}），请稍后重试`;
      return;
    }
    storeToken(body.accessToken);
    window.location.assign(nextPath());
  } catch {
    error.textContent = '无法连接服务器，请稍后重试';
  } finally {
    button.disabled = false;
  }
});

document.body.dataset.state = 'ready';
form.elements.namedItem('username').focus();
