// @ts-check
// Signing in from a page's form and out from its header, shared by the war room and the
// workbench: validates the two fields, starts the cookie session (POST /api/auth/session
// through the API client) and says in Chinese what went wrong; 退出登录 ends it.
import { ApiError, signIn, signOut } from '/shared/api.js';
import { control } from '/shared/dom.js';
import { messageOf } from '/shared/messages.js';

/** @typedef {import('/shared/types.js').SessionUser} SessionUser */

/** What a refused sign-in tells the person at the form. */
function refusalOf(/** @type {unknown} */ error) {
  if (!(error instanceof ApiError)) return '登录失败，请刷新页面后重试';
  // 401 wrong name or password; 400/415/422 a name or password the server cannot take as given
  if ([400, 401, 415, 422].includes(error.status)) return '用户名或密码错误';
  if (error.status === 0) return '无法连接服务器，请稍后重试';
  return messageOf(error); // 429 too many attempts, 503 busy: with how long to wait
}

/**
 * Wires a sign-in form (fields `username`, `password`): on success keeps the session and calls
 * onSignedIn(user); otherwise shows the reason in `error`. The submit button is disabled while it waits,
 * and enabled here: a page that shows its form before its script runs starts the button disabled, so
 * that it says when it can sign in (the browser's own sending of the form is cancelled on every page
 * by /shared/forms-by-script.js).
 * @param {HTMLFormElement} form
 * @param {HTMLElement} error
 * @param {HTMLButtonElement} button
 * @param {(user: SessionUser) => void} onSignedIn
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
      const user = await signIn(username, password);
      control(form, 'password').value = '';
      onSignedIn(user);
    } catch (refused) {
      error.textContent = refusalOf(refused);
    } finally {
      button.disabled = false;
    }
  });
  button.disabled = false;
}

/**
 * 退出登录, for a page's button: ends the session on the server, then `afterwards()` (the
 * page's way to its sign-in). A session already gone answers 401, which sends the page to its
 * sign-in by itself; any other failure is told through `showError` and the page stays.
 * @param {() => void} afterwards
 * @param {(message: string) => void} showError
 */
export async function leaveSession(afterwards, showError) {
  try {
    await signOut();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) showError(`未能退出登录：${messageOf(error)}`);
    return;
  }
  afterwards();
}
