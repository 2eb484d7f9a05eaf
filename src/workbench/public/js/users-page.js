// @ts-check
// 用户管理 (the city office): every user with office name, role, scope and state; a new user
// (role, its county / chain / department, the office name histories show); a password reset to a
// password the server generates and shows once; deactivate / reactivate. The roles, their words
// and the scope each needs come from the server (GET /api/users/rules), so a role added there
// shows here without a change to this page; the rules are printed at their fields, and a refusal
// lands at the field it names.
import { actorName } from '/shared/actors.js';
import { api, ApiError } from '/shared/api.js';
import { $, $of, control, h } from '/shared/dom.js';
import { SCOPE_KIND_LABELS, USER_ADMIN_LABELS } from '/shared/labels.js';
import { messageOf, reasonsOf } from '/shared/messages.js';
import { readForTable, referenceData, run, showBanner, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').UserView} UserView */
/** @typedef {import('/shared/types.js').UserRules} UserRules */
/** @typedef {import('/shared/types.js').DepartmentView} DepartmentView */
/** @typedef {import('/shared/types.js').PersonView} PersonView */
/** @typedef {UserRules['roles'][number]['scope']} ScopeKind */

/** @type {UserRules} */
let rules;
/** @type {Record<'region' | 'chain' | 'department' | 'person', { code: string, name: string }[]>} */
const scopes = { region: [], chain: [], department: [], person: [] };

/** The scope a role needs (null: city-wide). */
function scopeOf(/** @type {string} */ role) {
  return rules.roles.find((r) => r.role === role)?.scope ?? null;
}

function roleLabel(/** @type {string} */ role) {
  return rules.roles.find((r) => r.role === role)?.label ?? role;
}

/** The user's county, chain or department by name; 全市 for a city-wide role. */
function scopeText(/** @type {UserView} */ user) {
  const kind = scopeOf(user.role);
  if (!kind) return '全市';
  const code = kind === 'person' ? String(user.personId ?? '') : user[kind];
  return scopes[kind].find((s) => s.code === code)?.name ?? '—';
}

function isLastAdmin(/** @type {UserView} */ user) {
  return user.role === 'admin' && user.active && rules.lastAdmin.activeAdmins <= 1;
}

async function loadList() {
  const table = $('[data-testid="user-table"]');
  /** @type {UserView[] | null} */
  const users = await readForTable(table, '/api/users');
  if (!users) return;
  rules.lastAdmin.activeAdmins = users.filter((u) => u.role === 'admin' && u.active).length;
  $('tbody', table).replaceChildren(...users.map(userRow));
  table.dataset.status = 'ready';
}

function userRow(/** @type {UserView} */ user) {
  const last = isLastAdmin(user);
  const reset = h('button', { type: 'button', class: 'btn', 'data-testid': 'user-reset' }, '重置密码');
  reset.addEventListener('click', () => void resetPassword(user));
  const toggle = h('button', { type: 'button', class: 'btn ghost', 'data-testid': 'user-toggle', disabled: last, title: last ? rules.lastAdmin.rule : null }, user.active ? '停用' : '启用');
  toggle.addEventListener('click', () => void setActive(user, !user.active));
  return h('tr', { 'data-testid': 'user-row', 'data-username': user.username, class: user.active ? null : 'user-inactive' },
    h('td', null, user.username),
    h('td', null, user.officeName ?? h('span', { class: 'muted', title: '未填单位名称：历史记录显示由角色和范围得出的名称' }, `（未填，显示为“${actorName(user.username)}”）`)),
    h('td', null, roleLabel(user.role), last ? h('span', { class: 'badge-last-admin', 'data-testid': 'last-admin' }, '最后一个管理员') : null),
    h('td', null, scopeText(user)),
    h('td', { 'data-testid': 'user-state', title: user.active ? null : USER_ADMIN_LABELS.deactivated }, user.active ? '启用' : '已停用'),
    h('td', { class: 'actions' }, reset, toggle));
}

async function resetPassword(/** @type {UserView} */ user) {
  if (!window.confirm(`为 ${user.username} 重置密码？原密码立即失效，该用户需重新登录。`)) return;
  try {
    /** @type {{ username: string, password: string }} */
    const issued = await api(`/api/users/${user.id}/password-reset`, { method: 'POST' });
    const box = $('[data-testid="user-issued"]');
    $('[data-role="issued-user"]').textContent = issued.username;
    $('[data-testid="issued-password"]').textContent = issued.password;
    $('[data-role="issued-note"]').textContent = USER_ADMIN_LABELS.resetShown;
    box.hidden = false;
    showBanner('');
  } catch (error) {
    showBanner(messageOf(error));
  }
}

async function setActive(/** @type {UserView} */ user, /** @type {boolean} */ active) {
  if (!active && !window.confirm(`停用 ${user.username}？该用户将不能登录，已登录的会话立即结束。`)) return;
  try {
    await api(`/api/users/${user.id}`, { method: 'PATCH', body: { active } });
    showBanner(active ? `已启用 ${user.username}` : `已停用 ${user.username}：不能登录，原有会话已结束`, 'ok');
  } catch (error) {
    showBanner(messageOf(error));
  }
  await loadList();
}

/** The scope select for the chosen role: hidden for a city-wide role. */
function showScope(/** @type {HTMLFormElement} */ form) {
  const kind = scopeOf(control(form, 'role').value);
  const field = $('[data-field="scope"]', form);
  field.hidden = kind === null;
  if (!kind) return;
  $('[data-role="scope-label"]', field).textContent = SCOPE_KIND_LABELS[kind];
  $('[data-rule="scope"]', field).textContent =
    kind === 'person'
      ? `${roleLabel(control(form, 'role').value)}只读全市数据，“我的”页显示所选责任人负责的产业链和项目；名册中没有的人请先在人员名册中添加`
      : `${roleLabel(control(form, 'role').value)}只能看到并办理本${SCOPE_KIND_LABELS[kind]}的数据`;
  $of(HTMLSelectElement, 'select', field).replaceChildren(h('option', { value: '' }, `请选择${SCOPE_KIND_LABELS[kind]}`), ...scopes[kind].map((s) => h('option', { value: s.code }, s.name)));
}

/** Puts each refusal at the field it names; what names no field goes to the banner. */
function showRefusal(/** @type {HTMLFormElement} */ form, /** @type {unknown} */ error) {
  const loose = [];
  for (const reason of reasonsOf(error)) {
    const field = reason.field === 'region' || reason.field === 'chain' || reason.field === 'department' || reason.field === 'personId' ? 'scope' : reason.field;
    const slot = field ? form.querySelector(`[data-error="${field}"]`) : null;
    if (slot) slot.textContent = reason.message;
    else loose.push(reason.message);
  }
  showBanner(loose.join('；'));
}

function wireForm() {
  const form = $of(HTMLFormElement, '#user-form');
  $('[data-rule="username"]', form).textContent = rules.username.rule;
  $('[data-rule="password"]', form).textContent = rules.password.rule;
  $('[data-rule="officeName"]', form).textContent = rules.officeName.rule;
  $('[data-rule="role"]', form).textContent = '角色决定能做什么；县区操作员、产业链专班、要素保障部门和领导还需指定范围或责任人';
  const role = control(form, 'role');
  role.replaceChildren(...rules.roles.map((r) => h('option', { value: r.role }, r.label)));
  role.value = rules.roles.find((r) => r.scope === 'region')?.role ?? rules.roles[0].role;
  role.addEventListener('change', () => showScope(form));
  showScope(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const slot of form.querySelectorAll('[data-error]')) slot.textContent = '';
    const kind = scopeOf(role.value);
    const officeName = control(form, 'officeName').value.trim();
    /** @type {Record<string, unknown>} */
    const body = { username: control(form, 'username').value.trim(), password: control(form, 'password').value, role: role.value, ...(officeName ? { officeName } : {}) };
    const chosen = control(form, 'scope').value;
    if (kind === 'person') body.personId = chosen ? Number(chosen) : null;
    else if (kind) body[kind] = chosen || null;
    try {
      /** @type {UserView} */
      const made = await api('/api/users', { method: 'POST', body });
      showBanner(`已新建用户 ${made.username}（${roleLabel(made.role)}，${scopeText(made)}）`, 'ok');
      form.reset();
      role.value = made.role;
      showScope(form);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showRefusal(form, error);
    }
    await loadList();
  });
  $('[data-testid="issued-copy"]').addEventListener('click', async () => {
    const text = $('[data-testid="issued-password"]').textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      $('[data-role="issued-note"]').textContent = `已复制。${USER_ADMIN_LABELS.resetShown}`;
    } catch {
      window.getSelection()?.selectAllChildren($('[data-testid="issued-password"]'));
      $('[data-role="issued-note"]').textContent = `请按 Ctrl+C 复制已选中的密码。${USER_ADMIN_LABELS.resetShown}`;
    }
  });
  // The page's HTML starts the button disabled until this handler is there (/shared/forms-by-script.js keeps the browser from sending the form itself).
  $of(HTMLButtonElement, '[data-testid="user-create"]').disabled = false;
}

run(async () => {
  await startPage('users');
  const [loaded, reference, departments, people] = await Promise.all([
    /** @type {Promise<UserRules>} */ (api('/api/users/rules')),
    referenceData(),
    /** @type {Promise<DepartmentView[]>} */ (api('/api/departments')),
    /** @type {Promise<PersonView[]>} */ (api('/api/people')),
  ]);
  rules = loaded;
  scopes.region = reference.regions;
  scopes.chain = reference.chains;
  scopes.department = departments;
  // A leader's user is a person of the register (人员名册): chosen by name and title.
  scopes.person = people.filter((p) => p.active).map((p) => ({ code: String(p.id), name: `${p.name}（${p.title}）` }));
  $('[data-testid="last-admin-rule"]').textContent = rules.lastAdmin.rule;
  wireForm();
  await loadList();
  document.body.dataset.state = 'ready';
});
