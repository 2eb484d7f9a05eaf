// @ts-check
// 项目卡片 for a phone (card.html?id=&year=&month=), opened from 我的: who answers for the project
// (包联领导, 专员, the enterprise's contact), how it stands against its own 序时 this year, the
// 要素保障 requests still waiting and the last reports. Read-only; 375 px wide and nothing wider.
import { api } from '/shared/api.js';
import { $, h, queryParams } from '/shared/dom.js';
import { pct, stageName, wan, yi } from '/shared/format.js';
import { COMMISSIONER_KIND_LABELS, LIST_LABELS, RATING_LABELS } from '/shared/labels.js';
import { monthLabel } from '/shared/period.js';
import { kindText, quantityText, statusText } from '/shared/requests.js';
import { referenceData, run, showBanner, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').ProjectView} ProjectView */
/** @typedef {import('/shared/types.js').ReportView} ReportView */
/** @typedef {import('/shared/types.js').RequestView} RequestView */
/** @typedef {import('/shared/types.js').ListedProjectRow} ListedProjectRow */
/** @typedef {import('/shared/types.js').PersonRef} PersonRef */

const OPEN = new Set(['raised', 'accepted', 'escalated']);

/** dt/dd pairs; a value of null shows —. */
function facts(/** @type {[string, import('/shared/dom.js').Child, string?][]} */ rows) {
  return rows.flatMap(([label, value, testId]) => [h('dt', null, label), h('dd', { 'data-testid': testId ?? null }, value === null || value === '' ? '—' : value)]);
}

function personLine(/** @type {PersonRef | null} */ person) {
  if (!person) return '未明确';
  return h('span', null, `${person.name}（${person.title}）`, person.phone ? [' ', h('a', { href: `tel:${person.phone.replace(/[^0-9+]/g, '')}` }, person.phone)] : null);
}

run(async () => {
  await startPage('home');
  const ref = await referenceData();
  const q = queryParams();
  const id = Number(q.id);
  if (!Number.isInteger(id) || id <= 0) {
    showBanner('缺少项目编号，请从“我的”页面进入');
    document.body.dataset.state = 'error';
    return;
  }
  const year = Number(q.year) || new Date().getFullYear();
  const month = Number(q.month) || null;
  /** @type {Promise<ProjectView>} */
  const projectRead = api(`/api/projects/${id}`);
  /** @type {Promise<ReportView[]>} */
  const reportsRead = api(`/api/projects/${id}/reports`);
  /** @type {Promise<import('/shared/types.js').Page<RequestView>>} */
  const requestsRead = api(`/api/requests?project=${id}&pageSize=100`);
  /** @type {Promise<import('/shared/types.js').Page<ListedProjectRow>>} */
  const figuresRead = api(`/api/dashboard/${year}/projects?project=${id}${month ? `&month=${month}` : ''}`);
  const [project, reports, requests, figures] = await Promise.all([projectRead, reportsRead, requestsRead, figuresRead]);

  document.title = `${project.name} · 项目卡片`;
  $('[data-testid="card-name"]').textContent = project.name;
  $('[data-testid="card-facts"]').replaceChildren(...facts([
    ['阶段', stageName(project.stage), 'card-stage'],
    ['编码', project.code],
    ['县（市、区）', ref.regionName(project.region), 'card-region'],
    ['产业链', ref.chainName(project.chain)],
    ['建设单位', project.ownerEnterprise],
    ['总投资', project.totalInvestment === null ? null : `${yi(project.totalInvestment)} 亿元`],
  ]));

  const r = project.responsibility;
  $('[data-testid="card-duty"]').replaceChildren(...facts([
    ['市级包联领导', personLine(r?.cityLeader ?? null), 'card-city-leader'],
    ['县级包联领导', personLine(r?.countyLeader ?? null), 'card-county-leader'],
    [r?.commissionerKind ? COMMISSIONER_KIND_LABELS[r.commissionerKind] : '服务专员', personLine(r?.commissioner ?? null), 'card-commissioner'],
    ['项目联系人', r?.contact ? h('span', null, r.contact.name, r.contact.phone ? [' ', h('a', { href: `tel:${r.contact.phone.replace(/[^0-9+]/g, '')}` }, r.contact.phone)] : null) : null, 'card-contact'],
  ]));

  const row = figures.items[0];
  $('[data-testid="card-progress"]').replaceChildren(...(row
    ? facts([
      ['清单', `${year}年${LIST_LABELS[row.category]}清单`],
      ['年度计划', `${wan(row.plan)} 万元`],
      ['完成 / 序时', `${wan(row.actual)} / ${wan(row.expected)} 万元`],
      ['完成序时', h('span', null, pct(row.ratio), ' ', row.rating ? h('span', { class: `chip rating-${row.rating}` }, RATING_LABELS[row.rating]) : null), 'card-ratio'],
    ])
    : facts([['清单', `未列入${year}年清单`]])));

  const open = requests.items.filter((item) => OPEN.has(item.status));
  $('[data-testid="card-requests"]').replaceChildren(...(open.length
    ? open.map((item) => h('li', { class: item.overdue ? 'late' : null, 'data-testid': 'card-request' },
      h('b', null, kindText(item)), ' ', [quantityText(item.quantity, item.unit), item.description].filter(Boolean).join(' · '),
      h('div', { class: 'muted' }, `${item.departmentName} · ${statusText(item)}`)))
    : [h('li', { class: 'muted' }, '暂无待办需求')]));

  const recent = [...reports].reverse().slice(0, 3);
  $('[data-testid="card-reports"]').replaceChildren(...(recent.length
    ? facts(recent.map((m) => [monthLabel(m.month), `${wan(m.amount)}${m.progress ? ` · ${m.progress}` : ''}`]))
    : facts([['月报', '暂无']])));
  document.body.dataset.state = 'ready';
});
