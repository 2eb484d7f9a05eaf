// @ts-check
// 招商引资 on the wall: the city's 签约 and 到位 against 900亿 / 300亿 (the year plan's) with 序时,
// above the chain table (docs/domain/attraction.md "The board's block").
import { $, h, setChildren } from '/shared/dom.js';
import { pct, yi, yiShort } from '/shared/format.js';

/** @typedef {import('/shared/types.js').Dashboard} Dashboard */
/** @typedef {import('/shared/types.js').AttractionFigure} AttractionFigure */

/** One figure: actual / target 亿, 序时, 完成序时 coloured by its rating. */
function figure(/** @type {string} */ label, /** @type {string} */ key, /** @type {AttractionFigure} */ f) {
  return h('span', { class: `att-figure rating-${f.rating || 'none'}`, 'data-testid': `attraction-${key}` },
    h('b', { class: 'att-label' }, label),
    h('b', { class: 'att-actual', 'data-testid': `attraction-${key}-actual` }, yi(f.actual)),
    h('span', { class: 'of' }, `/ ${yiShort(f.target)} 亿`),
    h('span', { class: 'att-expected' }, `序时 ${yi(f.expected)}`),
    h('b', { class: 'ratio', 'data-testid': `attraction-${key}-ratio` }, pct(f.ratio)));
}

export function renderAttraction(/** @type {Dashboard} */ d) {
  const a = d.attraction;
  setChildren($('[data-testid="attraction-headline"]'),
    h('span', { class: 'att-title' }, '招商引资'),
    figure('签约', 'signed', a.signed),
    figure('到位', 'funded', a.funded),
    h('span', { class: 'att-counts', 'data-testid': 'attraction-counts' }, `签约 ${a.signedCount} 个 · 落地 ${a.landedCount} 个`));
}
