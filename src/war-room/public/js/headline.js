// @ts-check
// The four headline tiles: the implementation list's investment against 序时进度, the
// preparation list's start rate, big projects planned (and where they are lacking), and the
// key projects' investment.
import { $, h, setText } from '/shared/dom.js';
import { pct, pctWhole, yi, yiShort } from '/shared/format.js';
import { ratingChip, setRatingClass } from './rating.js';

/** @typedef {import('/shared/types.js').Dashboard} Dashboard */

/** Fills a tile's bar to `fill` (0–1) and puts its mark at `mark`. */
function setBar(/** @type {HTMLElement} */ tile, /** @type {number} */ fill, /** @type {number} */ mark) {
  const clamp = (/** @type {number} */ x) => Math.max(0, Math.min(1, Number.isFinite(x) ? x : 0));
  $('.fill', tile).style.width = `${clamp(fill) * 100}%`;
  const m = tile.querySelector('.mark');
  if (m instanceof HTMLElement) m.style.left = `${clamp(mark) * 100}%`;
}

/**
 * Nodes joined by a separator: [a, '、', b, '、', c].
 * @param {HTMLElement[]} nodes
 * @param {string} separator
 * @returns {(HTMLElement | string)[]}
 */
function joined(nodes, separator) {
  return nodes.flatMap((node, i) => (i ? [separator, node] : [node]));
}

export function renderHeadline(/** @type {Dashboard} */ d) {
  const inv = d.investment;
  const kInv = $('#kpi-investment');
  setText('investment-actual', yi(inv.actual));
  setText('investment-target', yiShort(inv.target));
  setText('investment-expected', yi(inv.expected));
  setRatingClass(setText('investment-ratio', pct(inv.ratio)), inv.rating);
  setRatingClass(kInv, inv.rating);
  const chip = ratingChip(inv);
  chip.dataset.role = 'rating';
  chip.dataset.testid = 'investment-rating';
  $('[data-role="rating"]', kInv).replaceWith(chip);
  setBar(kInv, inv.actual / inv.target, inv.expected / inv.target);
  // How the city itself reports the year (占年度计划 beside 完成序时; started and completed projects).
  setText('investment-plan-share', pct(inv.planShare));
  setText('impl-started', String(d.implementationCounts.started));
  setText('impl-listed', String(d.implementationCounts.listed));
  setText('impl-completed', String(d.implementationCounts.completed));

  const sr = d.startRate;
  setText('start-rate', pct(sr.rate));
  setText('start-target', pctWhole(sr.target));
  setText('started-count', String(sr.started));
  setText('listed-count', String(sr.listed));
  setText('needed-starts', String(sr.neededForTarget));
  const need = $('[data-testid="needed-starts-text"]');
  need.classList.toggle('done', sr.neededForTarget === 0);
  if (need.firstChild) need.firstChild.textContent = sr.neededForTarget === 0 ? '已达目标 · 还需开工 ' : '还需开工 ';
  setBar($('#kpi-start'), sr.rate ?? 0, sr.target);

  const big = d.bigProjects;
  const kBig = $('#kpi-big');
  setText('big-threshold', yiShort(big.threshold));
  setText('big-count', String(big.count));
  setText('big-target', String(big.target));
  kBig.classList.toggle('ok', big.count >= big.target);
  kBig.classList.toggle('short', big.count < big.target);
  // Two rules, each on its own line: 谋划 (any origin; every county and the four flagship chains) and
  // 引进 (attracted from outside; every county and every chain).
  const lackRegions = big.regions.filter((r) => r.required && !r.ok);
  const lackChains = big.chains.filter((c) => c.flagship && !c.ok);
  const lackAttractedRegions = big.regions.filter((r) => r.required && !r.attracted.ok);
  const lackAttractedChains = big.chains.filter((c) => c.required && !c.attracted.ok);
  /** @param {typeof big.regions} regions @param {typeof big.chains} chains @param {string} kind */
  const names = (regions, chains, kind) => [
    ...regions.map((r) => h('b', { 'data-testid': `big-missing${kind}-region`, title: r.name }, r.name)),
    ...chains.map((c) => h('b', { 'data-testid': `big-missing${kind}-chain`, title: c.flagship ? `标志性产业链${c.name}` : c.name }, `${c.flagship ? '★' : ''}${c.name}`)),
  ];
  const planned = names(lackRegions, lackChains, '');
  const attracted = names(lackAttractedRegions, lackAttractedChains, '-attracted');
  $('[data-testid="big-missing"]').replaceChildren(
    h('div', { class: planned.length ? 'bad' : 'good', 'data-testid': 'big-missing-planned' }, planned.length
      ? ['谋划尚缺：', joined(planned, '、')]
      : '各县（市、区）和标志性产业链均已谋划'),
    h('div', { class: attracted.length ? 'bad' : 'good', 'data-testid': 'big-missing-attracted' }, attracted.length
      ? ['引进尚缺：', joined(attracted, '、')]
      : `各县（市、区）和${big.chains.length}条产业链均已引进`),
  );
  // Projects in the library before the year and still under way are shown, not counted.
  setText('big-continuing', big.continuing.length ? `另有续建大项目 ${big.continuing.length} 个（不计入本年目标）` : '无续建大项目');

  const key = d.keyProjects;
  const kKey = $('#kpi-key');
  setText('key-threshold', yiShort(key.threshold));
  setText('key-investment', yi(key.investment));
  setText('key-target', yiShort(key.target));
  setText('key-count', String(key.count));
  setText('key-target-count', String(key.targetCount));
  setText('key-expected', yi(key.expected));
  setRatingClass(setText('key-ratio', pct(key.ratio)), key.rating);
  setRatingClass(kKey, key.rating);
  setBar(kKey, key.investment / key.target, key.expected / key.target);
}
