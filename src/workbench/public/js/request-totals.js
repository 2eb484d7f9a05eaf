// @ts-check
// 要素保障年度累计 on the requests page: from January to the chosen month, in the caller's scope,
// per 要素 (环境容量 per pollutant) — requests raised, projects or enterprises served, asked and
// granted in the kind's unit — and for 资金 the 授信 against what is 到位
// (docs/domain/requests.md "Year to date"). Quantities arrive as decimal text and are only regrouped here.
import { $, h } from '/shared/dom.js';
import { POLLUTANT_LABELS, REQUEST_KIND_LABELS } from '/shared/labels.js';
import { monthLabel } from '/shared/period.js';
import { quantityText } from '/shared/requests.js';
import { readForTable } from './shell.js';

/** @typedef {import('/shared/types.js').FactorTotals} FactorTotals */

/** 30.8 亿元 from 308000 万元 (integer arithmetic: 万元 → 亿元 to two decimals, no float sums). */
function wanText(/** @type {number} */ wan) {
  if (wan < 10000) return quantityText(String(wan), 'wan');
  const hundredths = Math.round(wan / 100);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')} 亿元`;
}

export async function loadTotals(/** @type {string} */ month) {
  const table = $('[data-testid="factor-totals"]');
  /** @type {FactorTotals | null} */
  const totals = await readForTable(table, `/api/requests/totals/${month}`);
  if (!totals) return;
  $('[data-testid="totals-period"]').textContent = `${month.slice(0, 4)}年1月至${monthLabel(month)}（截至 ${totals.refDate}）`;
  $('[data-testid="factor-totals"] tbody').replaceChildren(...totals.kinds.map((k) =>
    h('tr', { 'data-kind': k.kind, 'data-pollutant': k.pollutant },
      h('td', null, k.pollutant ? `${REQUEST_KIND_LABELS[k.kind]}（${POLLUTANT_LABELS[k.pollutant]}）` : REQUEST_KIND_LABELS[k.kind]),
      h('td', { class: 'num' }, String(k.requests)),
      h('td', { class: 'num' }, String(k.projects)),
      h('td', { class: 'num' }, quantityText(k.asked, k.unit) || '—'),
      h('td', { class: 'num' }, quantityText(k.granted, k.unit) || '—'))));
  const { credit, disbursed } = totals.funding;
  $('[data-testid="funding-totals"]').textContent = `资金：授信 ${wanText(credit)}，到位 ${wanText(disbursed)}。`;
  table.dataset.status = 'ready';
}
