// @ts-check
// What every workbench page shares: the sign-in check, the header (who is signed in, role,
// scope, change password, sign out), the navigation, reference data and the page-level
// message banner.
import { loadActorNames } from '/shared/actors.js';
import { api, ApiError, hasSession, onSessionExpired, onUnauthenticated, resumeSession } from '/shared/api.js';
import { mountBell } from '/shared/bell.js';
import { $, $maybe, h } from '/shared/dom.js';
import { ROLE_LABELS } from '/shared/labels.js';
import { messageOf } from '/shared/messages.js';
import { openPasswordDialog } from '/shared/password.js';
import { signInAgain } from '/shared/session-expired.js';
import { leaveSession } from '/shared/sign-in.js';

/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {import('/shared/types.js').RegionView} RegionView */
/** @typedef {import('/shared/types.js').ChainView} ChainView */

/**
 * Names for codes, loaded once per page.
 * @typedef {object} Reference
 * @property {RegionView[]} regions
 * @property {ChainView[]} chains
 * @property {(code: string | null) => string} regionName
 * @property {(code: string | null) => string} chainName
 */

/** Roles that work on projects (a 要素保障 department works from its requests inbox only). */
const PROJECT_ROLES = ['admin', 'region', 'chain', 'auditor', 'leader'];

/** @type {[key: string, href: string, label: string, roles: string[]][]} */
const NAV = [
  // A leader's or 专员's own page (any user linked to a person of the register sees it too).
  ['home', '/workbench/home.html', '我的', ['leader']],
  ['list', '/workbench/', '项目列表', PROJECT_ROLES],
  ['report', '/workbench/report.html', '月调度填报', PROJECT_ROLES],
  ['requests', '/workbench/requests.html', '要素保障', [...PROJECT_ROLES, 'department']],
  ['leads', '/workbench/leads.html', '招商项目', PROJECT_ROLES],
  ['chain', '/workbench/chain.html', '产业链指标', PROJECT_ROLES],
  ['excel', '/workbench/excel.html', 'Excel 导入导出', PROJECT_ROLES],
  ['plan', '/workbench/plan.html', '年度计划', PROJECT_ROLES],
  ['bulletin', '/workbench/bulletin.html', '月通报', ['admin']],
  ['users', '/workbench/users.html', '用户管理', ['admin']],
  ['duty', '/workbench/duty.html', '链长制', PROJECT_ROLES],
  ['people', '/workbench/people.html', '人员名册', ['admin']],
  ['displays', '/workbench/displays.html', '大屏令牌', ['admin']],
  ['notifications', '/workbench/notifications.html', '通知', ['admin']],
];

const SIGN_IN_PAGE = '/workbench/login.html';

/** Sends the browser to the sign-in page, coming back here afterwards. */
function goToSignIn() {
  const next = window.location.pathname + window.location.search;
  window.location.assign(`${SIGN_IN_PAGE}?next=${encodeURIComponent(next)}`);
}

onUnauthenticated(goToSignIn);

/** @type {Promise<Reference> | null} */
let reference = null;

/**
 * Starts a page: a tab without the session's CSRF token (a new tab) asks the server for it,
 * and without a session goes to the sign-in page; then loads who is signed in and draws the
 * header. Resolves to the workbench context ({ today, defaultMonth, user, canEdit, … }).
 * @param {string} pageKey
 * @returns {Promise<WorkbenchContext>}
 */
export async function startPage(pageKey) {
  document.body.dataset.state = 'loading';
  /** @type {WorkbenchContext} */
  let context;
  try {
    if (!hasSession()) await resumeSession();
    context = await api('/api/workbench/context');
    // every history on the page names its actors by office (actors.js)
    await loadActorNames();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return new Promise(() => {});
    showBanner(messageOf(error));
    document.body.dataset.state = 'error';
    throw error;
  }
  renderHeader(pageKey, context);
  // A save that finds the session gone signs in again over the page and is sent again: nothing typed is lost.
  onSessionExpired(() => signInAgain(context.user.username));
  return context;
}

function scopeText(/** @type {WorkbenchContext['user']} */ user) {
  if (user.role === 'region') return user.regionName || user.region || '—';
  if (user.role === 'chain') return `${user.chainName || user.chain || '—'}产业链`;
  if (user.role === 'department') return user.departmentName || user.department || '—';
  return '全市';
}

function renderHeader(/** @type {string} */ pageKey, /** @type {WorkbenchContext} */ context) {
  const { user } = context;
  const password = h('button', { type: 'button', class: 'btn ghost', 'data-testid': 'change-password' }, '修改密码');
  password.addEventListener('click', openPasswordDialog);
  const leave = h('button', { type: 'button', class: 'btn ghost', 'data-testid': 'sign-out' }, '退出登录');
  leave.addEventListener('click', () => void leaveSession(() => window.location.assign(SIGN_IN_PAGE), showBanner));
  $('#top').replaceChildren(
    h('div', { class: 'brand' },
      h('a', { href: '/workbench/', class: 'brand-link' }, '聊城市制造业重点项目“三个一批”'),
      h('span', { class: 'brand-sub' }, '工作台')),
    h('nav', { class: 'nav', 'aria-label': '工作台导航' },
      NAV.filter(([key, , , roles]) => roles.includes(user.role) || (key === 'home' && user.personId !== null)).map(([key, href, label]) => h('a', { href, class: key === pageKey ? 'active' : null, 'aria-current': key === pageKey ? 'page' : null, 'data-testid': `nav-${key}` }, label)),
      h('a', { href: '/', class: 'external', 'data-testid': 'nav-war-room' }, '挂图作战')),
    h('div', { class: 'who', 'data-testid': 'who' },
      h('span', { class: 'who-name', 'data-testid': 'who-name' }, user.username),
      h('span', { class: `who-role role-${user.role}`, 'data-testid': 'who-role' }, /** @type {Record<string, string>} */ (ROLE_LABELS)[user.role] || user.role),
      h('span', { class: 'who-scope', 'data-testid': 'who-scope', title: '数据范围' }, scopeText(user)),
      context.readOnly ? h('span', { class: 'who-readonly', 'data-testid': 'who-readonly' }, '只读') : null,
      password,
      leave),
  );
  // The bell: the user's notices (缺报, overdue requests, commitments…), before 修改密码.
  const who = $('[data-testid="who"]');
  mountBell(who);
  who.insertBefore(/** @type {Element} */ (who.lastElementChild), password);
}

/** Regions and chains (names for codes), loaded once per page. */
export function referenceData() {
  if (!reference) reference = loadReference();
  return reference;
}

async function loadReference() {
  /** @type {Promise<RegionView[]>} */
  const regionsRead = api('/api/regions');
  /** @type {Promise<ChainView[]>} */
  const chainsRead = api('/api/chains');
  const [regions, chains] = await Promise.all([regionsRead, chainsRead]);
  return {
    regions,
    chains,
    regionName: (/** @type {string | null} */ code) => regions.find((r) => r.code === code)?.name || code || '—',
    chainName: (/** @type {string | null} */ code) => chains.find((c) => c.code === code)?.name || code || '—',
  };
}

/** @type {WeakMap<HTMLElement, number>} the latest read of each table */
const reads = new WeakMap();

/**
 * Reads what a table shows (data-status loading, then error on a refusal, with the reason in the
 * banner; the caller sets ready once drawn). Resolves to null when the read was refused or a later
 * read of the same table started meanwhile (only the latest is drawn).
 * @template T
 * @param {HTMLElement} table
 * @param {string} path
 * @returns {Promise<T | null>}
 */
export async function readForTable(table, path) {
  const mine = (reads.get(table) ?? 0) + 1;
  reads.set(table, mine);
  table.dataset.status = 'loading';
  try {
    /** @type {T} */
    const result = await api(path);
    if (reads.get(table) !== mine) return null;
    showBanner('');
    return result;
  } catch (error) {
    if (reads.get(table) !== mine) return null;
    showBanner(messageOf(error));
    table.dataset.status = 'error';
    return null;
  }
}

/** A message across the top of the page (kind: error | ok | info); empty text hides it. */
export function showBanner(/** @type {string} */ text, kind = 'error') {
  const banner = $maybe('#banner');
  if (!banner) return;
  banner.textContent = text || '';
  banner.dataset.kind = kind;
  banner.hidden = !text;
}

/** Runs a page's main function, turning an unexpected failure into a Chinese banner. */
export function run(/** @type {() => Promise<void>} */ main) {
  main().catch((error) => {
    if (error instanceof ApiError && error.status === 401) return;
    if (!(error instanceof ApiError)) console.error(error); // a bug, not a refusal: let it be seen
    showBanner(error instanceof ApiError ? messageOf(error) : '页面加载失败，请刷新重试');
    document.body.dataset.state = 'error';
  });
}
