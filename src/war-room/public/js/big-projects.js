// @ts-check
// 50亿元以上大项目: every big project with its region, chain, total investment and stage.
import { $, h } from '/shared/dom.js';
import { shortRegion, stageName, yi } from '/shared/format.js';
import { chainName, chainOf, regionName } from './state.js';

/** @typedef {import('/shared/types.js').Dashboard} Dashboard */

export function renderBigProjects(/** @type {Dashboard} */ d, /** @type {(id: number) => void} */ openProject) {
  $('.big-table tbody').replaceChildren(...d.bigProjects.projects.map((p) => h('tr', { 'data-testid': 'big-row', 'data-project-id': p.projectId, onclick: () => openProject(p.projectId) },
    h('td', { class: 'name' }, h('button', { type: 'button', class: 'link', title: p.name }, p.name)),
    h('td', { title: regionName(p.region) }, shortRegion(regionName(p.region))),
    h('td', null, chainOf(p.chain)?.flagship ? '★' : '', chainName(p.chain)),
    h('td', { class: 'num' }, yi(p.totalInvestment)),
    h('td', { class: `stage stage-${p.stage.replace('.', '-')}` }, stageName(p.stage)))));
}

