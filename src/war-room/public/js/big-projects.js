// @ts-check
// 50亿元以上大项目: the year's new ones (which count for the targets), then those continuing from
// earlier years (shown apart, counting for nothing), each with its region, chain, total and stage.
import { $, h } from '/shared/dom.js';
import { shortRegion, stageName, yi } from '/shared/format.js';
import { chainName, chainOf, regionName } from './state.js';

/** @typedef {import('/shared/types.js').Dashboard} Dashboard */

export function renderBigProjects(/** @type {Dashboard} */ d, /** @type {(id: number) => void} */ openProject) {
  /** @param {Dashboard['bigProjects']['projects'][number]} p @param {boolean} continuing */
  const row = (p, continuing) => h('tr', { 'data-testid': continuing ? 'big-continuing-row' : 'big-row', class: continuing ? 'continuing' : null, 'data-project-id': p.projectId, onclick: () => openProject(p.projectId) },
    h('td', { class: 'name' }, h('button', { type: 'button', class: 'link', title: p.name }, p.name)),
    h('td', { title: regionName(p.region) }, shortRegion(regionName(p.region))),
    h('td', null, chainOf(p.chain)?.flagship ? '★' : '', chainName(p.chain)),
    h('td', { class: 'num' }, yi(p.totalInvestment)),
    h('td', { class: `stage stage-${p.stage.replace('.', '-')}` }, stageName(p.stage)));
  const continuing = d.bigProjects.continuing;
  $('.big-table tbody').replaceChildren(
    ...d.bigProjects.newThisYear.map((p) => row(p, false)),
    ...(continuing.length ? [h('tr', { class: 'group' }, h('td', { colspan: 5 }, `续建大项目（${continuing.length} 个，往年谋划，不计入本年目标）`))] : []),
    ...continuing.map((p) => row(p, true)),
  );
}

