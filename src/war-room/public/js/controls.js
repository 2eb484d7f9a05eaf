// @ts-check
// The board's controls: the period selector (year, month), auto-refresh for the wall, printing
// the monthly bulletin, and clearing the filter. What each change does is the caller's.
import { $, $of, h } from '/shared/dom.js';
import { renderFreshness } from './freshness.js';
import { params, REFRESH_MS, state } from './state.js';

/**
 * @typedef {object} ControlHandlers
 * @property {() => void} onPeriod the year or month was changed (state.year/state.month hold it)
 * @property {() => void} onRefresh time for the wall's next refresh
 * @property {(printing: boolean) => void} onPrint the page is about to print (true) or has printed (false)
 * @property {() => void} onClearFilter the filter chip was clicked
 */

/** @type {ReturnType<typeof setInterval> | undefined} */
let timer;

const yearSelect = () => $of(HTMLSelectElement, '#year');
const monthSelect = () => $of(HTMLSelectElement, '#month');

/** The year choices: the years that have a plan, and the year shown. */
export function fillYearSelect(/** @type {number[]} */ years, /** @type {number} */ shown) {
  const all = [...new Set([...years, shown])].filter(Number.isInteger).sort((a, b) => a - b);
  const select = yearSelect();
  select.replaceChildren(...all.map((y) => h('option', { value: y }, `${y}年`)));
  select.value = String(shown);
}

/** Shows the period on the selectors (after a board has loaded). */
export function showPeriodChoice(/** @type {number} */ year, /** @type {number} */ month) {
  yearSelect().value = String(year);
  monthSelect().value = String(month);
}

export function initControls(/** @type {ControlHandlers} */ handlers) {
  const month = monthSelect();
  month.replaceChildren(...Array.from({ length: 12 }, (_, i) => h('option', { value: i + 1 }, `${i + 1}月`)));
  if (state.month) month.value = String(state.month);
  month.addEventListener('change', () => {
    state.month = Number(month.value);
    state.dashboard = null;
    handlers.onPeriod();
  });
  const year = yearSelect();
  year.addEventListener('change', () => {
    state.year = Number(year.value);
    state.month = null; // the API's default month for that year
    state.dashboard = null;
    handlers.onPeriod();
  });
  const toggle = $of(HTMLInputElement, '#autorefresh');
  toggle.checked = !state.asOf && params.get('refresh') !== '0';
  toggle.disabled = Boolean(state.asOf);
  if (toggle.parentElement) toggle.parentElement.title = `墙屏模式：每 ${REFRESH_MS / 1000} 秒自动刷新`;
  const schedule = () => {
    clearInterval(timer);
    timer = toggle.checked && !state.asOf ? setInterval(handlers.onRefresh, REFRESH_MS) : undefined;
  };
  toggle.addEventListener('change', schedule);
  schedule();
  $('#print').addEventListener('click', () => window.print());
  $('[data-testid="filter-chip"]').addEventListener('click', handlers.onClearFilter);
  window.addEventListener('beforeprint', () => handlers.onPrint(true));
  window.addEventListener('afterprint', () => handlers.onPrint(false));
  setInterval(renderFreshness, 15_000);
}
