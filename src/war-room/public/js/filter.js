// @ts-check
// The filter panel: a region or a chain picked on the board lists its projects (paged), with
// each one's 完成 and 序时 or its start; the chip clears the filter.
import { $, h, setText } from '/shared/dom.js';
import { pct, shortRegion, stageName, wan } from '/shared/format.js';
import { LIST_LABELS } from '/shared/labels.js';
import { markSelectedChain } from './chains.js';
import { chainName, regionName, state } from './state.js';

/** @typedef {import('/shared/types.js').ListedProjectRow} ListedProjectRow */
/** @typedef {import('/shared/types.js').Page<ListedProjectRow>} ProjectPage */

/** The name of what the board is filtered by ('' when it is not). */
function filterLabel() {
  if (state.region) return regionName(state.region);
  if (state.chain) return chainName(state.chain);
  return '';
}

/** Shows which filter is on: the panel, the chip, the red list's scope, the selected tile and row. */
export function renderFilterState() {
  const panel = $('[data-testid="filter-panel"]');
  const active = Boolean(state.region || state.chain);
  panel.hidden = !active;
  document.body.classList.toggle('filtered', active);
  panel.dataset.filter = state.region ? `region:${state.region}` : state.chain ? `chain:${state.chain}` : '';
  $('[data-role="filter-name"]').textContent = filterLabel();
  $('[data-role="redlist-scope"]').textContent = active ? filterLabel() : '全市';
  for (const tile of document.querySelectorAll('.region-tile[data-code]')) {
    if (!(tile instanceof HTMLElement)) continue;
    const on = tile.dataset.code === state.region;
    tile.classList.toggle('selected', on);
    tile.setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  markSelectedChain(state.chain);
}

/** Empties the project table while a new filter loads. */
export function clearProjects() {
  $('.project-table tbody').replaceChildren();
  setText('project-total', '…');
}

/**
 * @param {ProjectPage} page
 * @param {{ openProject: (id: number) => void, goToPage: (page: number) => void }} handlers
 */
export function renderProjects(page, { openProject, goToPage }) {
  setText('project-total', String(page.total));
  $('.project-table tbody').replaceChildren(...page.items.map((p) => {
    const implementation = p.category === 'implementation';
    return h('tr', {
      'data-testid': 'project-row',
      'data-project-id': p.projectId,
      'data-region': p.region || '',
      'data-chain': p.chain || '',
      class: `rating-${p.rating || 'none'}`,
      onclick: () => openProject(p.projectId),
    },
      h('td', { class: 'name' },
        h('button', { type: 'button', class: 'link', title: p.name }, p.name),
        h('small', null, `${state.region ? chainName(p.chain) : shortRegion(regionName(p.region))} · ${LIST_LABELS[p.category]}`)),
      h('td', { class: `stage stage-${p.stage.replace('.', '-')}` }, stageName(p.stage)),
      h('td', { class: 'num' }, wan(p.actual)),
      h('td', { class: 'num' }, implementation ? wan(p.expected) : '—'),
      h('td', { class: 'num ratio-cell' }, implementation
        ? [h('i', { class: 'dot', 'aria-hidden': 'true' }), pct(p.ratio)]
        : p.actualStartDate ? `已开工 ${p.actualStartDate}` : `计划 ${p.plannedStartDate || '—'}`));
  }));
  const pager = $('[data-role="pager"]');
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  pager.hidden = pages <= 1;
  pager.replaceChildren(
    h('button', { type: 'button', disabled: page.page <= 1, onclick: () => goToPage(page.page - 1) }, '上一页'),
    h('span', null, `第 ${page.page} / ${pages} 页`),
    h('button', { type: 'button', disabled: page.page >= pages, onclick: () => goToPage(page.page + 1) }, '下一页'));
}
