// @ts-check
// Signing in again over the page when a save finds the session gone (it timed out, or ended on
// another device, while the person was filling a form): a dialog with the user's name filled
// in and 密码; once signed in, the API client sends the save again (api.js onSessionExpired), so
// the figures typed stay on the page and are saved. 取消 gives up, and the page goes to its sign-in.
import { $of, control, h } from '/shared/dom.js';
import { wireSignInForm } from '/shared/sign-in.js';

/** @type {Promise<boolean> | null} */
let pending = null;

/**
 * Asks for the password of `username` (the user the page was opened by) and resolves true once
 * signed in again, false when cancelled. Several saves at once share one dialog.
 * @param {string} username
 * @returns {Promise<boolean>}
 */
export function signInAgain(username) {
  pending ??= new Promise((resolve) => {
    const error = h('p', { class: 'account-error', 'data-testid': 'reauth-error', role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'reauth-submit' }, '登录并继续保存');
    const cancel = h('button', { type: 'button', 'data-testid': 'reauth-cancel' }, '取消');
    const form = h('form', { class: 'account-form', 'data-testid': 'reauth-form', novalidate: true },
      h('h2', { id: 'reauth-title' }, '登录已过期'),
      h('p', { class: 'account-status' }, '为保护数据，登录已失效。请重新输入密码：已填写的内容仍在页面上，登录后将继续保存。'),
      h('div', { class: 'account-field' }, h('label', { for: 'reauth-username' }, '用户名'),
        h('input', { id: 'reauth-username', name: 'username', value: username, readonly: true, autocomplete: 'username' })),
      h('div', { class: 'account-field' }, h('label', { for: 'reauth-password' }, '密码'),
        h('input', { id: 'reauth-password', name: 'password', type: 'password', autocomplete: 'current-password', 'data-testid': 'reauth-password' })),
      error,
      h('div', { class: 'account-actions' }, submit, cancel));
    const dialog = h('dialog', { class: 'account-dialog', 'data-testid': 'reauth-dialog', 'aria-labelledby': 'reauth-title' }, form);
    const finish = (/** @type {boolean} */ ok) => {
      dialog.close();
      dialog.remove();
      pending = null;
      resolve(ok);
    };
    wireSignInForm($of(HTMLFormElement, 'form', dialog), error, $of(HTMLButtonElement, '[data-testid="reauth-submit"]', dialog), () => finish(true));
    cancel.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    control(form, 'password').focus();
  });
  return pending;
}
