// @ts-check
// 我的 (home.html): a leader's or 专员's own page, read on a phone (375×812): the chains he leads
// (链长) and the projects he answers for (包联领导, 服务专员), each with its colour, 完成序时, what
// is overdue and the requests waiting, and the people below him with their phone numbers
// (docs/domain/responsibility.md "A leader's home"). Each project opens its phone card.
import { api } from '/shared/api.js';
import { $, h, queryParams } from '/shared/dom.js';
import { pct, stageName, wan, yi } from '/shared/format.js';
import { FIVE_ONES_LABELS, LIST_LABELS, RATING_LABELS, RESPONSIBLE_ROLE_LABELS } from '/shared/labels.js';
import { responsibleText } from '/shared/responsible.js';
import { run, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').LeaderHome} LeaderHome */
/** @typedef {import('/shared/types.js').HomeChain} HomeChain */
/** @typedef {import('/shared/types.js').HomeProject} HomeProject */

function ratingChip(/** @type {'blue' | 'yellow' | 'red' | null} */ rating) {
  return rating ? h('span', { class: `chip rating-${rating}`, 'data-role': 'rating' }, RATING_LABELS[rating]) : h('span', { class: 'muted', 'data-role': 'rating' }, '—');
}

function requestsLine(/** @type {{ openRequests: number, overdueRequests: number }} */ r) {
  return h('span', null, '待办需求 ', h('b', null, String(r.openRequests)), r.overdueRequests ? h('span', { class: 'late' }, `（逾期 ${r.overdueRequests}）`) : null);
}

function chainTile(/** @type {HomeChain} */ c, /** @type {LeaderHome} */ home) {
  return h('li', { class: `tile rating-${c.rating || 'none'}`, 'data-testid': 'home-chain', 'data-code': c.code },
    h('div', { class: 'tile-head' }, h('span', { class: 'tile-name' }, `${c.flagship ? '★' : ''}${c.name}产业链`), ratingChip(c.rating)),
    h('div', { class: 'tile-line' },
      h('span', null, '完成序时 ', h('b', { 'data-role': 'ratio' }, pct(c.ratio))),
      h('span', null, `完成 ${yi(c.actual)} / 序时 ${yi(c.expected)} 亿元`),
      h('span', null, `${home.year}年1–${home.month}月`)),
    h('div', { class: 'tile-line' },
      h('span', null, '清单项目 ', h('b', null, String(c.listedProjects))),
      h('span', { class: c.redProjects ? 'late' : null }, `红色预警 ${c.redProjects} 个`),
      requestsLine(c)),
    c.fiveOnesMissing.length
      ? h('div', { class: 'tile-line' }, h('span', { class: 'late' }, `“5个1”缺：${c.fiveOnesMissing.map((item) => FIVE_ONES_LABELS[item]).join('、')}`))
      : null);
}

function projectTile(/** @type {HomeProject} */ p, /** @type {LeaderHome} */ home) {
  const href = `/workbench/card.html?id=${p.projectId}&year=${home.year}&month=${home.month}`;
  return h('li', { 'data-testid': 'home-project', 'data-project-id': p.projectId },
    h('a', { class: `tile rating-${p.rating || 'none'}`, href },
      h('div', { class: 'tile-head' }, h('span', { class: 'tile-name' }, p.name), ratingChip(p.rating)),
      h('div', { class: 'tile-line' },
        h('span', null, p.regionName || '—'),
        h('span', null, stageName(p.stage)),
        ...p.roles.map((role) => h('span', { class: 'role-chip' }, RESPONSIBLE_ROLE_LABELS[role]))),
      p.category
        ? h('div', { class: 'tile-line' },
          h('span', null, `${LIST_LABELS[p.category]}清单`),
          h('span', null, '完成序时 ', h('b', { 'data-role': 'ratio' }, pct(p.ratio))),
          h('span', null, `完成 ${wan(p.actual)} / 序时 ${wan(p.expected)} 万元`))
        : h('div', { class: 'tile-line' }, h('span', null, `未列入${home.year}年清单`)),
      h('div', { class: 'tile-line' }, requestsLine(p), h('span', null, responsibleText(p.responsible))),
      p.red.length ? h('ul', { class: 'tile-red', 'data-testid': 'home-project-red' }, p.red.map((r) => h('li', null, r.reason))) : null));
}

run(async () => {
  await startPage('home');
  const q = queryParams();
  const search = new URLSearchParams();
  if (q.year) search.set('year', q.year);
  if (q.month) search.set('month', q.month);
  /** @type {LeaderHome} */
  const home = await api(`/api/me/home${search.size ? `?${search}` : ''}`);
  const person = home.person;
  $('[data-testid="home-person"]').textContent = person ? `${person.name} · ${person.title}` : '您的账号尚未关联人员名册';
  $('[data-testid="home-period"]').textContent = person
    ? `${person.organisation} · 数据为 ${home.year}年1–${home.month}月，需求逾期按 ${home.today} 计`
    : '请联系市链长办在人员名册中登记并关联您的账号。';

  $('[data-testid="home-chains-panel"]').hidden = home.chains.length === 0;
  $('[data-testid="home-chains"]').replaceChildren(...home.chains.map((c) => chainTile(c, home)));
  $('[data-testid="home-projects"]').replaceChildren(...(home.projects.length
    ? home.projects.map((p) => projectTile(p, home))
    : [h('li', { class: 'muted' }, person ? '暂无包联或服务的项目' : '—')]));
  $('[data-testid="home-people-panel"]').hidden = home.people.length === 0;
  $('[data-testid="home-people"]').replaceChildren(...home.people.map((p) => h('li', { 'data-testid': 'home-person-row', 'data-person-id': p.id },
    h('span', { class: 'who-line' }, p.name),
    ...p.roles.map((role) => h('span', { class: 'role-chip' }, RESPONSIBLE_ROLE_LABELS[role])),
    h('span', { class: 'muted' }, `${p.title} · ${p.organisation} · ${p.projects} 个项目`),
    p.phone ? h('a', { href: `tel:${p.phone.replace(/[^0-9+]/g, '')}` }, p.phone) : null)));
  document.body.dataset.state = 'ready';
});
