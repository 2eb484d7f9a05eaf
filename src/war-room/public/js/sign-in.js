// @ts-check
// The war room's session: the sign-in form (用户名 / 密码 / 登录) over the board, shown when
// the API answers 401 and hidden once signed in (then the board loads again); and the account
// area in the header (who is signed in, 修改密码, 退出登录).
import { mountBell } from '/shared/bell.js';
import { $, $maybe, $of, control } from '/shared/dom.js';
import { openPasswordDialog } from '/shared/password.js';
import { leaveSession, wireSignInForm } from '/shared/sign-in.js';
import { showBanner } from './notices.js';

/** @typedef {import('/shared/types.js').SessionUser} SessionUser */

let shown = false;

/** Shows the form (once) and puts the cursor where the user types next. */
export function showSignIn() {
  document.body.dataset.state = 'login';
  $('[data-testid="account"]').hidden = true;
  if (shown) return;
  shown = true;
  const overlay = $('#signin');
  overlay.hidden = false;
  $('[data-role="signin-error"]', overlay).textContent = '';
  const form = $of(HTMLFormElement, 'form', overlay);
  const user = control(form, 'username');
  (user.value ? control(form, 'password') : user).focus();
}

/** Who is signed in, in the header, with 修改密码 and 退出登录. */
export function showAccount(/** @type {SessionUser} */ user) {
  // The role decides what only the city office is shown (the 包联 coverage warning, notices.js).
  document.body.dataset.role = user.role;
  $('[data-testid="account-name"]').textContent = user.username;
  const account = $('[data-testid="account"]');
  account.hidden = false;
  // The bell (once): the signed-in user's notices, beside the name.
  if (!$maybe('[data-testid="bell"]', account)) {
    mountBell(account);
    account.insertBefore(/** @type {Element} */ (account.lastElementChild), $('[data-testid="change-password"]', account));
  }
}

/**
 * Wires the form and the account area: after signing in the form hides and calls
 * onSignedIn(user) (which loads the board).
 */
export function wireSignIn(/** @type {(user: SessionUser) => void} */ onSignedIn) {
  const overlay = $('#signin');
  const form = $of(HTMLFormElement, 'form', overlay);
  wireSignInForm(form, $('[data-role="signin-error"]', overlay), $of(HTMLButtonElement, 'button[type="submit"]', form), (user) => {
    overlay.hidden = true;
    shown = false;
    showAccount(user);
    onSignedIn(user);
  });
  $('[data-testid="change-password"]').addEventListener('click', openPasswordDialog);
  // signed out, the page reloads: the sign-in form over an empty board
  $('[data-testid="sign-out"]').addEventListener('click', () => void leaveSession(() => window.location.reload(), showBanner));
}
