// @ts-check
// 县（市、区）蓝黄红榜: one tile per region in a layout like the map (not a map), with its
// 完成序时, figures, rank and the change since last month; the city's own tile last.
import { $, h } from '/shared/dom.js';
import { pct, shortRegion, yi, yiShort } from '/shared/format.js';
import { REGION_KIND_LABELS } from '/shared/labels.js';
import { originalMark, overrideTitle, ratingWord } from './rating.js';

/** @typedef {import('/shared/types.js').Dashboard} Dashboard */

/**
 * Tile layout of the 11 places, roughly as they lie on the map (west → east, north → south).
 * Not a map: codes not listed here are appended after these cells.
 * @type {Record<string, [number, number]>}
 */
const REGION_CELLS = {
  371581: [1, 1], // 临清市 (north-west)
  371502: [1, 2], // 东昌府区 (centre)
  371572: [1, 3], // 高新区
  371526: [1, 4], // 高唐县 (north-east)
  371525: [2, 1], // 冠县 (west)
  371573: [2, 2], // 度假区
  371571: [2, 3], // 经开区
  371503: [2, 4], // 茌平区 (east)
  371522: [3, 1], // 莘县 (south-west)
  371521: [3, 2], // 阳谷县 (south)
  371524: [3, 3], // 东阿县 (south-east)
};
const CITY_CELL = [3, 4];

function rankChange(/** @type {number | null} */ change) {
  if (change === null) return h('span', { class: 'rt-change flat', title: '无上月排名' }, '–');
  if (change > 0) return h('span', { class: 'rt-change up', title: `比上月上升${change}位` }, `↑${change}`);
  if (change < 0) return h('span', { class: 'rt-change down', title: `比上月下降${-change}位` }, `↓${-change}`);
  return h('span', { class: 'rt-change flat', title: '与上月持平' }, '–');
}

/**
 * @param {Dashboard} d
 * @param {{ selected: string | null, onSelect: (code: string | null) => void }} filter the region filter: clicking a tile sets it, clicking it again clears it
 */
export function renderRegions(d, { selected, onSelect }) {
  const tiles = [];
  let extraRow = 4;
  let extraCol = 1;
  for (const r of d.regions) {
    let cell = REGION_CELLS[r.code];
    if (!cell) {
      cell = [extraRow, extraCol];
      extraCol += 1;
      if (extraCol > 4) {
        extraCol = 1;
        extraRow += 1;
      }
    }
    const on = selected === r.code;
    const override = overrideTitle(r);
    tiles.push(h('button', {
      type: 'button',
      class: `region-tile rating-${r.rating || 'none'}${on ? ' selected' : ''}${r.kind === 'zone' ? ' zone' : ''}`,
      'data-testid': `region-${r.code}`,
      'data-code': r.code,
      'data-rating': r.rating || 'none',
      'aria-pressed': on ? 'true' : 'false',
      title: `${r.name}：点击筛选本县区项目${override ? `\n${override}` : ''}`,
      style: `grid-row:${cell[0]};grid-column:${cell[1]}`,
      onclick: () => onSelect(on ? null : r.code),
    },
      h('div', { class: 'rt-head' },
        h('span', { class: 'rt-name', 'data-testid': 'region-name' }, shortRegion(r.name)),
        r.kind === 'zone' ? h('span', { class: 'rt-kind' }, REGION_KIND_LABELS.zone) : null,
        h('span', { class: 'rt-rating', 'data-testid': 'region-rating' }, ratingWord(r.rating)),
        originalMark(r, 'region-original')),
      // the ratio and the rank share a line, so a short tile (a 1920×1080 wall) never loses the rank
      h('div', { class: 'rt-main' },
        h('div', { class: 'rt-ratio', 'data-testid': 'region-ratio' }, pct(r.ratio)),
        h('div', { class: 'rt-rank', 'data-testid': 'region-rank-line' },
          r.rank === null ? h('span', { 'data-testid': 'region-rank' }, '未排名') : ['第', h('b', { 'data-testid': 'region-rank' }, String(r.rank)), '名'],
          rankChange(r.rankChange))),
      h('div', { class: 'rt-figs' },
        h('span', null, '完成 ', h('b', { 'data-testid': 'region-actual' }, yi(r.actual))),
        h('span', null, '序时 ', h('b', { 'data-testid': 'region-expected' }, yi(r.expected))),
        h('span', null, '计划 ', h('b', { 'data-testid': 'region-plan' }, yi(r.plan))),
        h('span', { class: 'rt-count', 'data-testid': 'region-count' }, `${r.projects}个项目`))));
  }
  const inv = d.investment;
  tiles.push(h('div', { class: `region-tile city rating-${inv.rating || 'none'}`, style: `grid-row:${CITY_CELL[0]};grid-column:${CITY_CELL[1]}`, 'data-testid': 'region-city' },
    h('div', { class: 'rt-head' }, h('span', { class: 'rt-name' }, '全市'), h('span', { class: 'rt-note muted', title: '县（市、区）按示意布局排列，不是地图' }, '示意布局，非地图'), h('span', { class: 'rt-rating' }, ratingWord(inv.rating))),
    h('div', { class: 'rt-main' }, h('div', { class: 'rt-ratio' }, pct(inv.ratio))),
    h('div', { class: 'rt-figs' }, h('span', null, '完成 ', h('b', null, yi(inv.actual))), h('span', null, '序时 ', h('b', null, yi(inv.expected))), h('span', null, '目标 ', h('b', null, yiShort(inv.target))))));
  $('[data-testid="region-board"]').replaceChildren(...tiles);
}
