// The sign-in page: POST /api/auth/login, keep the token, go back where the user was.

import { storeToken } from './api.js';
import { $ } from './dom.js';
import { wireSignInForm } from '/shared/sign-in.js';

/** Only a workbench path of this site may be the place to return to. */
function nextPath() {
  const next = new URLSearchParams(window.location.search).get('next') || '';
  return /^\/workbench\/[\w./?=&%-]*$/.test(next) && !next.startsWith('/workbench/login') ? next : '/workbench/';
}

const form = $('#login-form');
const error = $('[data-testid="login-error"]');
const button = $('[data-testid="login-submit"]');

wireSignInForm(form, error, button, (token) => {
  storeToken(token);
  window.location.assign(nextPath());
});

document.body.dataset.state = 'ready';
form.elements.namedItem('username').focus();
