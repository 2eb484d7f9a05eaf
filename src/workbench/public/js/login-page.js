// @ts-check
// The sign-in page: start the cookie session, go back where the user was.
import { $, $of, control } from '/shared/dom.js';
import { wireSignInForm } from '/shared/sign-in.js';

/**
 * Only a workbench path of this site may be the place to return to; without one, a leader or
 * 专员 goes to his own page (我的), everyone else to the project list.
 * @param {import('/shared/types.js').SessionUser} user
 */
function nextPath(user) {
  const next = new URLSearchParams(window.location.search).get('next') || '';
  if (/^\/workbench\/[\w./?=&%-]*$/.test(next) && !next.startsWith('/workbench/login') && next !== '/workbench/') return next;
  return user.role === 'leader' ? '/workbench/home.html' : '/workbench/';
}

const form = $of(HTMLFormElement, '#login-form');
wireSignInForm(form, $('[data-testid="login-error"]'), $of(HTMLButtonElement, '[data-testid="login-submit"]'), (user) => {
  window.location.assign(nextPath(user));
});

document.body.dataset.state = 'ready';
control(form, 'username').focus();
