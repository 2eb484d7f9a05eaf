// @ts-check
// The war room's sign-in form (用户名 / 密码 / 登录), over the board: shown when the API
// answers 401, hidden once signed in, after which the board loads again.
import { $, $of, control } from '/shared/dom.js';
import { wireSignInForm } from '/shared/sign-in.js';

let shown = false;

/** Shows the form (once) and puts the cursor where the user types next. */
export function showSignIn() {
  document.body.dataset.state = 'login';
  if (shown) return;
  shown = true;
  const overlay = $('#signin');
  overlay.hidden = false;
  $('[data-role="signin-error"]', overlay).textContent = '';
  const form = $of(HTMLFormElement, 'form', overlay);
  const user = control(form, 'username');
  (user.value ? control(form, 'password') : user).focus();
}

/** Wires the form: after signing in it hides and calls onSignedIn (which reloads the board). */
export function wireSignIn(/** @type {() => void} */ onSignedIn) {
  const overlay = $('#signin');
  const form = $of(HTMLFormElement, 'form', overlay);
  wireSignInForm(form, $('[data-role="signin-error"]', overlay), $of(HTMLButtonElement, 'button[type="submit"]', form), () => {
    overlay.hidden = true;
    shown = false;
    onSignedIn();
  });
}
