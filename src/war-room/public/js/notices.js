// @ts-check
// What the board says about itself: the period it shows (and that it fell back to another
// year when this one has no plan), the configuration warnings, and the error banner.
import { $, h, setChildren, setText } from '/shared/dom.js';
import { localDateTime } from '/shared/format.js';
import { WARNING_GROUP_LABELS } from '/shared/labels.js';
import { state } from './state.js';

/** @typedef {import('/shared/types.js').Dashboard} Dashboard */
/** @typedef {import('/shared/types.js').Warning} Warning */

/**
 * A year without a plan: the board says so, and an admin gets the way to create it (the
 * workbench's plan page); null hides the notice.
 * @param {number | null} year
 * @param {boolean} isAdmin
 */
export function showNoPlan(year, isAdmin) {
  const box = $('[data-testid="no-plan"]');
  box.hidden = year === null;
  if (year === null) return;
  setChildren(box, `${year} 年尚无年度计划，看板无法显示。`,
    isAdmin ? h('a', { href: `/workbench/plan.html?year=${year}`, 'data-testid': 'create-plan-link' }, `建立 ${year} 年度计划`) : '请联系市链长办建立年度计划。');
}

/** A message across the top of the board; empty text hides it. */
export function showBanner(/** @type {string} */ message) {
  const banner = $('#banner');
  banner.textContent = message;
  banner.hidden = !message;
}

/** The period line under the title, the as-of stamp and the server's note when it fell back to another year. */
export function renderPeriod(/** @type {Dashboard} */ d) {
  setText('period', `${d.year}年1–${d.month}月 · 序时进度按 ${d.month}/12 计`);
  setText('asof-stamp', localDateTime(d.asOf));
  const note = $('[data-testid="period-note"]');
  const period = state.period;
  const fellBack = Boolean(period && period.fallback && period.note && period.year === d.year);
  note.hidden = !fellBack;
  note.textContent = fellBack && period?.note ? period.note : '';
  $('[data-role="blue-pct"]').textContent = String(d.thresholds.bluePct);
  $('[data-role="yellow-pct"]').textContent = String(d.thresholds.yellowPct);
}

/** The board's configuration warnings (e.g. the chains' targets do not add up to the city's). */
export function renderWarnings(/** @type {Warning[]} */ warnings) {
  const box = $('[data-testid="warnings"]');
  box.hidden = warnings.length === 0;
  // Warnings that each name a place or a chain become one line per kind, the names listed (the API keeps one per name).
  /** @type {Map<string, string[]>} */
  const named = new Map();
  /** @type {HTMLElement[]} */
  const lines = [];
  for (const w of warnings) {
    if (w.subject && WARNING_GROUP_LABELS[w.code]) {
      if (!named.has(w.code)) {
        named.set(w.code, []);
        lines.push(h('span', { class: 'warning', 'data-testid': `warning-${w.code}`, 'data-group': w.code }));
      }
      named.get(w.code)?.push(w.subject);
    } else lines.push(h('span', { class: 'warning', 'data-testid': `warning-${w.code}`, title: w.message }, h('i', { 'aria-hidden': 'true' }, '⚠'), w.message));
  }
  for (const line of lines) {
    const code = line.dataset.group;
    if (code) setChildren(line, h('i', { 'aria-hidden': 'true' }, '⚠'), `${WARNING_GROUP_LABELS[code]}：${(named.get(code) ?? []).join('、')}`);
  }
  box.replaceChildren(...lines);
}

/**
 * 包联 and "5个1" coverage (docs/domain/responsibility.md "Coverage"), for the city office only
 * (the wall screen and the other roles do not see it): listed projects without a 市级包联领导 or a
 * 专员, and the chains whose "5个1" is incomplete.
 */
export function renderCoverage(/** @type {Dashboard} */ d) {
  const box = $('[data-testid="coverage-warning"]');
  const c = d.responsibilityCoverage;
  const lines = [];
  if (c && document.body.dataset.role === 'admin') {
    if (c.listedWithoutCityLeader > 0) lines.push(`清单内 ${c.listedWithoutCityLeader} 个项目未明确市级包联领导`);
    if (c.listedWithoutCommissioner > 0) lines.push(`${c.listedWithoutCommissioner} 个项目未明确服务专员`);
    if (c.chainsIncomplete.length > 0) {
      const names = c.chainsIncomplete.map((code) => state.chains.find((chain) => chain.code === code)?.name ?? code);
      lines.push(`“5个1”未完善的产业链 ${c.chainsIncomplete.length} 条：${names.join('、')}`);
    }
  }
  box.hidden = lines.length === 0;
  box.replaceChildren(...lines.map((line, index) => h('span', { class: 'warning', 'data-testid': `coverage-line-${index}` }, h('i', { 'aria-hidden': 'true' }, '⚠'), line)));
}
