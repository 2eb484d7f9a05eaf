// @ts-check
// 十二条产业链: each chain with its 链长 against its appendix target (projects, investment, 序时, 完成序时),
// ★ for the flagship chains, and a sum row that shows where the chains' targets fall short
// of the city's.
import { $, h } from '/shared/dom.js';
import { pct, yi } from '/shared/format.js';
import { originalMark, overrideTitle } from './rating.js';

/** @typedef {import('/shared/types.js').Dashboard} Dashboard */

/**
 * @param {Dashboard} d
 * @param {{ selected: string | null, onSelect: (code: string | null) => void, onOpen: (code: string) => void }} filter the chain filter: clicking a row sets it, clicking it again clears it; clicking the name opens the chain's page
 */
export function renderChains(d, { selected, onSelect, onOpen }) {
  $('.chain-table tbody').replaceChildren(...d.chains.map((c) => {
    const on = selected === c.code;
    return h('tr', {
      class: `rating-${c.rating || 'none'}${c.flagship ? ' flagship' : ''}${on ? ' selected' : ''}`,
      'data-testid': `chain-${c.code}`,
      'data-code': c.code,
      'aria-selected': on ? 'true' : 'false',
      title: overrideTitle(c) || '点击筛选本产业链项目',
      onclick: () => onSelect(on ? null : c.code),
    },
      h('td', { class: 'num' }, String(c.no)),
      h('td', { class: 'name' }, h('button', {
        type: 'button',
        class: 'link',
        title: '查看本产业链全部指标与招商项目',
        'data-testid': `chain-open-${c.code}`,
        onclick: (/** @type {Event} */ event) => {
          event.stopPropagation();
          onOpen(c.code);
        },
      }, c.flagship ? h('span', { class: 'star', title: '标志性产业链' }, '★') : null, c.name)),
      h('td', { class: 'chain-leader', 'data-testid': 'chain-leader', title: c.leader ? `链长 ${c.leader}` : '尚未明确链长' }, c.leader || '—'),
      h('td', { class: `num${c.listedProjects === c.targetProjects ? '' : ' warn'}`, title: '入库项目 / 附表目标' }, `${c.listedProjects}/${c.targetProjects}`),
      h('td', { class: 'num', 'data-testid': 'chain-target' }, yi(c.targetInvestment)),
      h('td', { class: 'num', 'data-testid': 'chain-actual' }, yi(c.actual)),
      h('td', { class: 'num', 'data-testid': 'chain-expected' }, yi(c.expected)),
      h('td', { class: 'num ratio-cell' },
        h('i', { class: 'dot', 'aria-hidden': 'true' }),
        h('span', { 'data-testid': 'chain-ratio' }, pct(c.ratio)),
        originalMark(c)));
  }));
  const sum = (/** @type {(c: Dashboard['chains'][number]) => number} */ pick) => d.chains.reduce((acc, c) => acc + pick(c), 0);
  const targetSum = sum((c) => c.targetInvestment);
  const gap = d.investment.target - targetSum;
  $('.chain-table tfoot').replaceChildren(h('tr', null,
    h('td', null, ''),
    h('td', { class: 'name' }, '合计'),
    h('td', null, ''),
    h('td', { class: 'num' }, `${sum((c) => c.listedProjects)}/${sum((c) => c.targetProjects)}`),
    h('td', { class: `num${gap !== 0 ? ' warn' : ''}`, 'data-testid': 'chain-target-sum', title: gap !== 0 ? `与全市目标 ${yi(d.investment.target)} 亿相差 ${yi(Math.abs(gap))} 亿` : null }, yi(targetSum)),
    h('td', { class: 'num' }, yi(sum((c) => c.actual))),
    h('td', { class: 'num' }, '—'),
    h('td', { class: 'num small' }, gap !== 0 ? `较全市目标${gap > 0 ? '少' : '多'} ${yi(Math.abs(gap))}` : '')));
}

/** Marks the selected chain's row (after the filter changed, without redrawing the table). */
export function markSelectedChain(/** @type {string | null} */ selected) {
  for (const row of document.querySelectorAll('.chain-table tbody tr')) {
    if (!(row instanceof HTMLElement)) continue;
    const on = row.dataset.code === selected;
    row.classList.toggle('selected', on);
    row.setAttribute('aria-selected', on ? 'true' : 'false');
  }
}
