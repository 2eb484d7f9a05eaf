// @ts-check
// Changing one's own password, from either page: a dialog with 当前密码, 新密码 (with the rule
// beside it) and 确认新密码. The page checks that the two new ones agree; the server checks
// the rest (POST /api/auth/password) and its refusals are shown at their fields. This session
// stays signed in; the server ends the user's other sessions.
import { ApiError, changePassword } from '/shared/api.js';
import { $of, control, h } from '/shared/dom.js';
import { PASSWORD_FORM_LABELS } from '/shared/labels.js';
import { reasonsOf } from '/shared/messages.js';

/** @typedef {'currentPassword' | 'newPassword' | 'confirmPassword'} PasswordField */

/** @type {PasswordField[]} */
const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'];

/** @type {HTMLDialogElement | null} */
let dialog = null;

/** Opens the dialog (built once per page), empty, with the cursor in 当前密码. */
export function openPasswordDialog() {
  dialog ??= buildDialog();
  const form = $of(HTMLFormElement, 'form', dialog);
  form.reset();
  showErrors(form, {});
  setStatus(form, '', 'info');
  dialog.showModal();
  control(form, 'currentPassword').focus();
}

function buildDialog() {
  const form = h('form', { class: 'account-form', 'data-testid': 'password-form', novalidate: true },
    h('h2', { id: 'password-title' }, '修改密码'),
    field('currentPassword', 'current-password', null),
    field('newPassword', 'new-password', PASSWORD_FORM_LABELS.rule),
    field('confirmPassword', 'new-password', null),
    h('p', { class: 'account-status', 'data-testid': 'password-status', role: 'status' }),
    h('div', { class: 'account-actions' },
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'password-submit' }, '确认修改'),
      h('button', { type: 'button', 'data-testid': 'password-close' }, '关闭')));
  const box = h('dialog', { class: 'account-dialog', 'data-testid': 'password-dialog', 'aria-labelledby': 'password-title' }, form);
  $of(HTMLButtonElement, '[data-testid="password-close"]', form).addEventListener('click', () => box.close());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(form);
  });
  document.body.append(box);
  return box;
}

/** One labelled password field with the place for its errors (and the rule for a new password). */
function field(/** @type {PasswordField} */ name, /** @type {string} */ autocomplete, /** @type {string | null} */ rule) {
  return h('div', { class: 'account-field', 'data-field': name },
    h('label', { for: `account-${name}` }, PASSWORD_FORM_LABELS[name]),
    h('input', { id: `account-${name}`, name, type: 'password', autocomplete, maxlength: 256, required: true, 'data-testid': `password-${name}` }),
    rule ? h('small', { class: 'account-rule', 'data-testid': 'password-rule' }, rule) : null,
    h('span', { class: 'account-error', 'data-testid': `password-error-${name}`, role: 'alert' }));
}

/** The errors at each field (a field may have several: the server says every reason a password is weak). */
function showErrors(/** @type {HTMLFormElement} */ form, /** @type {Partial<Record<PasswordField, string[]>>} */ errors) {
  for (const name of FIELDS) {
    const messages = errors[name] ?? [];
    $of(HTMLElement, `[data-testid="password-error-${name}"]`, form).textContent = messages.join('；');
    control(form, name).setAttribute('aria-invalid', String(messages.length > 0));
  }
}

function setStatus(/** @type {HTMLFormElement} */ form, /** @type {string} */ text, /** @type {'ok' | 'error' | 'info'} */ kind) {
  const status = $of(HTMLElement, '[data-testid="password-status"]', form);
  status.textContent = text;
  status.dataset.kind = kind;
}

/** What the page itself can say about the fields before asking the server. */
function ownChecks(/** @type {string} */ current, /** @type {string} */ next, /** @type {string} */ confirmation) {
  /** @type {Partial<Record<PasswordField, string[]>>} */
  const errors = {};
  if (!current) errors.currentPassword = [`请输入${PASSWORD_FORM_LABELS.currentPassword}`];
  if (!next) errors.newPassword = [`请输入${PASSWORD_FORM_LABELS.newPassword}`];
  if (next && confirmation !== next) errors.confirmPassword = ['两次输入的新密码不一致'];
  return errors;
}

async function submit(/** @type {HTMLFormElement} */ form) {
  const current = control(form, 'currentPassword').value;
  const next = control(form, 'newPassword').value;
  const own = ownChecks(current, next, control(form, 'confirmPassword').value);
  showErrors(form, own);
  if (Object.keys(own).length) {
    setStatus(form, '', 'info');
    return;
  }
  const button = $of(HTMLButtonElement, '[data-testid="password-submit"]', form);
  button.disabled = true;
  setStatus(form, '正在修改…', 'info');
  try {
    await changePassword(current, next);
    form.reset();
    setStatus(form, '密码已修改，其他设备上的登录已退出', 'ok');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return; // signed out: the page is going to its sign-in
    /** @type {Partial<Record<PasswordField, string[]>>} */
    const atFields = {};
    const elsewhere = [];
    for (const reason of reasonsOf(error)) {
      const name = FIELDS.find((f) => f === reason.field);
      if (name) (atFields[name] ??= []).push(reason.message);
      else elsewhere.push(reason.message);
    }
    showErrors(form, atFields);
    setStatus(form, elsewhere.length ? elsewhere.join('；') : '密码未修改', 'error');
  } finally {
    button.disabled = false;
  }
}
