// @ts-check
// Signing in from a page's form, shared by the war room and the workbench: validates the
// two fields, posts to /api/auth/login, keeps the session and says in Chinese what went wrong.
import { storeToken } from '/shared/api.js';
import { control } from '/shared/dom.js';

/**
 * Wires a sign-in form (fields `username`, `password`): on success keeps the session and calls
 * onSignedIn(); otherwise shows the reason in `error`. The submit button is disabled while it waits.
 * @param {HTMLFormElement} form
 * @param {HTMLElement} error
 * @param {HTMLButtonElement} button
 * @param {() => void} onSignedIn
 */
export function wireSignInForm(form, error, button, onSignedIn) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = control(form, 'username').value.trim();
    const password = control(form, 'password').value;
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
        else error.textContent = (body && body.message) || `登录失败（${response.status}），请稍后重试`;
        return;
      }
      control(form, 'password').value = '';
      storeToken(body.accessToken);
      onSignedIn();
    } catch {
      error.textContent = '无法连接服务器，请稍后重试';
    } finally {
      button.disabled = false;
    }
  });
}
