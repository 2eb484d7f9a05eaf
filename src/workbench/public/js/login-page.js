// @ts-check
// The sign-in page: start the cookie session, go back where the user was.
import { $, $of, control } from '/shared/dom.js';
import { wireSignInForm } from '/shared/sign-in.js';

/** Only a workbench path of this site may be the place to return to. */
function nextPath() {
  const next = new URLSearchParams(window.location.search).get('next') || '';
  return /^\/workbench\/[\w./?=&%-]*$/.test(next) && !next.startsWith('/workbench/login') ? next : '/workbench/';
}

const form = $of(HTMLFormElement, '#login-form');
wireSignInForm(form, $('[data-testid="login-error"]'), $of(HTMLButtonElement, '[data-testid="login-submit"]'), () => {
  window.location.assign(nextPath());
});

document.body.dataset.state = 'ready';
control(form, 'username').focus();
