// @ts-check
// 预警清单 (红色预警; the documents' 红榜 is the red third of the 蓝黄红榜 ranking): the projects that
// are halted, past a 容缺受理 commitment, past their planned start, behind a milestone (节点滞后), or
// lagging, grouped in that order, each with who answers for it beside the county (包联领导, 专员);
// it follows the board's filter.
import { $, h, setText } from '/shared/dom.js';
import { shortRegion } from '/shared/format.js';
import { RED_LIST_LABELS } from '/shared/labels.js';
import { responsibleText } from '/shared/responsible.js';
import { regionName, state } from './state.js';

/** @typedef {import('/shared/types.js').RedListKind} RedListKind */

/** @type {RedListKind[]} */
const KIND_ORDER = ['halted', 'conditionalOverdue', 'overdueStart', 'milestone', 'lagging'];

export function renderRedList(/** @type {(id: number) => void} */ openProject) {
  const d = state.dashboard;
  if (!d) return;
  let items = d.redList;
  if (state.region) items = items.filter((i) => i.region === state.region);
  else if (state.chain) items = state.filterIds ? items.filter((i) => state.filterIds?.has(i.projectId)) : [];
  setText('redlist-count', String(items.length));
  const body = $('[data-testid="redlist"]');
  const groups = KIND_ORDER.map((kind) => ({ kind, list: items.filter((i) => i.kind === kind) })).filter((g) => g.list.length);
  if (!groups.length) {
    body.replaceChildren(h('p', { class: 'empty' }, state.chain && !state.filterIds ? '加载中…' : '暂无红色预警项目'));
    return;
  }
  body.replaceChildren(...groups.map(({ kind, list }) => h('section', { class: `red-group red-${kind}` },
    h('h3', null, RED_LIST_LABELS[kind], h('span', { class: 'count' }, String(list.length))),
    h('ul', null, list.map((i) => h('li', { class: `red-item red-${i.kind}`, 'data-testid': 'redlist-item', 'data-project-id': i.projectId, 'data-kind': i.kind },
      h('button', { type: 'button', class: 'link', onclick: () => openProject(i.projectId), title: `${i.name}（${i.regionName || ''}）` },
        h('span', { class: 'ri-region' }, shortRegion(i.regionName || regionName(i.region))),
        h('span', { class: 'ri-name' }, i.name)),
      h('div', { class: 'ri-reason' }, i.reason),
      responsibleText(i.responsible) ? h('div', { class: 'ri-people', 'data-testid': 'redlist-responsible', title: responsibleText(i.responsible) }, responsibleText(i.responsible)) : null))))));
}
