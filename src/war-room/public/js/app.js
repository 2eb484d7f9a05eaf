// 挂图作战: the war-room wall screen. Plain ES module, no build step.
// Data: /api/dashboard/:year (+ /curve, /projects), /api/regions, /api/chains,
// /api/reports/missing; project cards in card.js. All money is integer 万元 from the API.

import { api, ApiError, SignInRequired, setSignedInHandler, wireSignIn } from './api.js';
import { openCard, initCard, setCardPrintMode } from './card.js';
import { h, $, $$, setText, STAGE_LABELS, LIST_LABELS } from './dom.js';
import { clockTime, pct, pctWhole, RATING_LABEL, shanghaiDate, shanghaiDateTime, shortRegion, wan, yi, yiShort } from './format.js';

const DEFAULT_YEAR = 2024;
const DEFAULT_MONTH = 10;
const params = new URLSearchParams(location.search);
/** Auto-refresh period for the wall: 60 s, or ?refresh=N seconds (N ≥ 2; 0 starts with it off). */
const REFRESH_MS = Math.max(2, Number.parseInt(params.get('refresh') ?? '', 10) || 60) * 1000;
const PAGE_SIZE = 200;

/**
 * Tile layout of the 11 places, roughly as they lie on the map (west → east, north → south).
 * Not a map: codes not listed here are appended after these cells.
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

const KIND_LABELS = { halted: '停工', overdueStart: '逾期未开工', lagging: '进度滞后' };
const KIND_ORDER = ['halted', 'overdueStart', 'lagging'];

const state = {
  year: positiveInt(params.get('year')) || DEFAULT_YEAR,
  month: positiveInt(params.get('month')) || (params.has('year') ? null : DEFAULT_MONTH),
  asOf: params.get('asOf') || null,
  region: params.get('region') || null,
  chain: params.get('chain') || null,
  page: 1,
  regions: [],
  chains: [],
  dashboard: null,
  curve: null,
  filterIds: null,
  lastLoaded: null,
  lastError: null,
  missing: null,
  seq: 0,
  filterSeq: 0,
  timer: null,
  printing: false,
};

let curveChart = null;

function positiveInt(value) {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isInteger(n) && n > 0 ? n : null;
}

function query(extra = {}) {
  const q = new URLSearchParams();
  const month = state.dashboard && state.dashboard.year === state.year ? state.dashboard.month : state.month;
  if (month) q.set('month', String(month));
  if (state.asOf) q.set('asOf', state.asOf);
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function regionName(code) {
  const r = state.regions.find((x) => x.code === code);
  return r ? r.name : code || '—';
}

function chainOf(code) {
  return state.chains.find((x) => x.code === code) || null;
}

function chainName(code) {
  const c = chainOf(code);
  return c ? c.name : code || '—';
}

function syncUrl() {
  const q = new URLSearchParams();
  q.set('year', String(state.year));
  const month = state.dashboard ? state.dashboard.month : state.month;
  if (month) q.set('month', String(month));
  if (state.asOf) q.set('asOf', state.asOf);
  if (state.region) q.set('region', state.region);
  if (state.chain) q.set('chain', state.chain);
  if (params.has('refresh')) q.set('refresh', params.get('refresh'));
  history.replaceState(null, '', `${location.pathname}?${q}`);
}

// ---------------------------------------------------------------- errors / banner

function showBanner(message) {
  const banner = $('#banner');
  banner.textContent = message;
  banner.hidden = !message;
}

function handleError(error) {
  if (error instanceof SignInRequired) return; // the sign-in form is up
  if (error && error.name === 'AbortError') return;
  state.lastError = error;
  const message = error instanceof ApiError ? error.message : '页面出错，请刷新重试';
  showBanner(`数据加载失败：${message}`);
  if (document.body.dataset.state !== 'ready') document.body.dataset.state = 'error';
  renderFreshness();
}

// ---------------------------------------------------------------- loading

async function loadReferences() {
  if (state.regions.length && state.chains.length) return;
  const [regions, chains] = await Promise.all([api('/api/regions'), api('/api/chains')]);
  state.regions = regions;
  state.chains = chains;
  fillYearSelect();
}

async function loadAll() {
  try {
    await loadReferences();
    await loadBoard();
  } catch (error) {
    handleError(error);
  }
}

async function loadBoard() {
  const seq = ++state.seq;
  const monthQ = new URLSearchParams();
  if (state.month) monthQ.set('month', String(state.month));
  if (state.asOf) monthQ.set('asOf', state.asOf);
  const qs = monthQ.toString() ? `?${monthQ}` : '';
  const [dashboard, curve] = await Promise.all([
    api(`/api/dashboard/${state.year}${qs}`),
    api(`/api/dashboard/${state.year}/curve${qs}`),
  ]);
  if (seq !== state.seq) return;
  state.dashboard = dashboard;
  state.curve = curve;
  state.month = dashboard.month;
  state.lastLoaded = new Date();
  state.lastError = null;
  showBanner('');
  renderAll();
  syncUrl();
  if (state.region || state.chain) await loadFilter();
  if (seq !== state.seq) return;
  document.body.dataset.state = 'ready';
  document.body.dataset.loadedAt = String(state.lastLoaded.getTime());
  loadMissing().catch(() => {});
}

/** 缺报 count for the shown month, once that month has ended (for the freshness badge). */
async function loadMissing() {
  const d = state.dashboard;
  state.missing = null;
  if (!d || state.asOf) return renderFreshness();
  const today = shanghaiDate(d.asOf);
  const [ty, tm] = today.split('-').map(Number);
  const ended = d.year < ty || (d.year === ty && d.month < tm);
  if (!ended) {
    state.missing = { pending: true, current: d.year === ty && d.month === tm };
    return renderFreshness();
  }
  const key = `${d.year}-${String(d.month).padStart(2, '0')}`;
  try {
    const missing = await api(`/api/reports/missing?month=${key}`);
    if (state.dashboard === d) state.missing = { total: missing.total };
  } catch (error) {
    if (error instanceof SignInRequired) return;
    state.missing = null;
  }
  renderFreshness();
}

async function loadFilter() {
  const seq = ++state.filterSeq;
  const panel = $('[data-testid="filter-panel"]');
  panel.dataset.status = 'loading';
  const filter = state.region ? { region: state.region } : { chain: state.chain };
  const page = await api(`/api/dashboard/${state.year}/projects${query({ ...filter, page: state.page, pageSize: PAGE_SIZE })}`);
  if (seq !== state.filterSeq) return;
  renderProjects(page);
  state.filterIds = state.chain ? new Set(page.items.map((p) => p.projectId)) : null;
  renderRedList();
  panel.dataset.status = 'ready';
}

// ---------------------------------------------------------------- rendering

function renderAll() {
  const d = state.dashboard;
  setText('period', `${d.year}年1–${d.month}月 · 序时进度按 ${d.month}/12 计`);
  $('#month').value = String(d.month);
  $('#year').value = String(d.year);
  setText('asof-stamp', shanghaiDateTime(d.asOf));
  $('[data-role="blue-pct"]').textContent = String(d.thresholds?.bluePct ?? 100);
  $('[data-role="yellow-pct"]').textContent = String(d.thresholds?.yellowPct ?? 80);
  renderKpis(d);
  renderWarnings(d.warnings || []);
  renderRegions(d);
  renderCurve();
  renderChains(d);
  renderBigProjects(d);
  renderFilterState();
  renderRedList();
  renderFreshness();
}

function ratingChip(block) {
  const chip = h('span', { class: `chip rating-${block.rating || 'none'}`, title: overrideTitle(block) }, block.rating ? `${RATING_LABEL[block.rating]}榜` : '—');
  if (block.override && block.computedRating && block.computedRating !== block.rating)
    chip.append(h('span', { class: 'orig', 'data-testid': 'rating-original' }, `原:${RATING_LABEL[block.computedRating]}`));
  return chip;
}

function overrideTitle(block) {
  if (!block.override) return null;
  const o = block.override;
  return `人工调整为${RATING_LABEL[o.rating]}（计算结果：${block.computedRating ? RATING_LABEL[block.computedRating] : '—'}）\n原因：${o.reason}\n${o.actor} · ${shanghaiDateTime(o.at)}`;
}

function setBar(kpi, fill, mark) {
  const clamp = (x) => Math.max(0, Math.min(1, Number.isFinite(x) ? x : 0));
  $('.fill', kpi).style.width = `${clamp(fill) * 100}%`;
  const m = $('.mark', kpi);
  if (m) m.style.left = `${clamp(mark) * 100}%`;
}

function setRatingClass(el, rating) {
  el.classList.remove('rating-blue', 'rating-yellow', 'rating-red', 'rating-none');
  el.classList.add(`rating-${rating || 'none'}`);
}

function renderKpis(d) {
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

  const sr = d.startRate;
  const kStart = $('#kpi-start');
  setText('start-rate', pct(sr.rate));
  setText('start-target', pctWhole(sr.target));
  setText('started-count', String(sr.started));
  setText('listed-count', String(sr.listed));
  setText('needed-starts', String(sr.neededForTarget));
  const need = $('[data-testid="needed-starts-text"]');
  need.classList.toggle('done', sr.neededForTarget === 0);
  need.firstChild.textContent = sr.neededForTarget === 0 ? '已达目标 · 还需开工 ' : '还需开工 ';
  setBar(kStart, sr.rate ?? 0, sr.target);

  const big = d.bigProjects;
  const kBig = $('#kpi-big');
  setText('big-threshold', yiShort(big.threshold));
  setText('big-count', String(big.count));
  setText('big-target', String(big.target));
  kBig.classList.toggle('ok', big.count >= big.target);
  kBig.classList.toggle('short', big.count < big.target);
  const lackRegions = big.regions.filter((r) => r.required && !r.ok);
  const lackChains = big.flagshipChains.filter((c) => !c.ok);
  const missing = $('[data-testid="big-missing"]');
  missing.replaceChildren(
    h('div', { class: lackRegions.length ? 'bad' : 'good' }, lackRegions.length
      ? ['尚缺县区：', lackRegions.map((r) => h('b', { 'data-testid': 'big-missing-region', title: r.name }, r.name)).reduce(joinWith('、'), [])]
      : '各县（市、区）均已谋划'),
    h('div', { class: lackChains.length ? 'bad' : 'good' }, lackChains.length
      ? ['尚缺标志性产业链：', lackChains.map((c) => h('b', { 'data-testid': 'big-missing-chain' }, `★${c.name}`)).reduce(joinWith('、'), [])]
      : `${big.flagshipChains.length}条标志性产业链均已谋划`),
  );

  const key = d.keyProjects;
  const kKey = $('#kpi-key');
  setText('key-threshold', yiShort(key.threshold));
  setText('key-investment', yi(key.investment));
  setText('key-target', yiShort(key.target));
  setText('key-count', String(key.count));
  setText('key-expected', yi(key.expected));
  setRatingClass(setText('key-ratio', pct(key.ratio)), key.rating);
  setRatingClass(kKey, key.rating);
  setBar(kKey, key.investment / key.target, key.expected / key.target);
}

function joinWith(sep) {
  return (acc, el, i) => (i ? [...acc, sep, el] : [el]);
}

function renderWarnings(warnings) {
  const box = $('[data-testid="warnings"]');
  box.hidden = warnings.length === 0;
  box.replaceChildren(...warnings.map((w) => h('span', { class: 'warning', 'data-testid': `warning-${w.code}` }, h('i', { 'aria-hidden': 'true' }, '⚠'), w.message)));
}

function rankChange(change) {
  if (change === null || change === undefined) return h('span', { class: 'rt-change flat', title: '无上月排名' }, '–');
  if (change > 0) return h('span', { class: 'rt-change up', title: `比上月上升${change}位` }, `↑${change}`);
  if (change < 0) return h('span', { class: 'rt-change down', title: `比上月下降${-change}位` }, `↓${-change}`);
  return h('span', { class: 'rt-change flat', title: '与上月持平' }, '–');
}

function renderRegions(d) {
  const grid = $('[data-testid="region-board"]');
  const tiles = [];
  let extraRow = 4;
  let extraCol = 1;
  for (const r of d.regions) {
    let cell = REGION_CELLS[r.code];
    if (!cell) {
      cell = [extraRow, extraCol];
      extraCol += 1;
      if (extraCol > 4) { extraCol = 1; extraRow += 1; }
    }
    const selected = state.region === r.code;
    const tile = h('button', {
      type: 'button',
      class: `region-tile rating-${r.rating || 'none'}${selected ? ' selected' : ''}${r.kind === 'zone' ? ' zone' : ''}`,
      'data-testid': `region-${r.code}`,
      'data-code': r.code,
      'data-rating': r.rating || 'none',
      'aria-pressed': selected ? 'true' : 'false',
      title: `${r.name}：点击筛选本县区项目${overrideTitle(r) ? '\n' + overrideTitle(r) : ''}`,
      style: `grid-row:${cell[0]};grid-column:${cell[1]}`,
      onclick: () => setFilter({ region: selected ? null : r.code }),
    },
      h('div', { class: 'rt-head' },
        h('span', { class: 'rt-name', 'data-testid': 'region-name' }, shortRegion(r.name)),
        r.kind === 'zone' ? h('span', { class: 'rt-kind' }, '园区') : null,
        h('span', { class: 'rt-rating', 'data-testid': 'region-rating' }, r.rating ? RATING_LABEL[r.rating] : '—'),
        r.override && r.computedRating !== r.rating ? h('span', { class: 'orig', 'data-testid': 'region-original' }, `原:${r.computedRating ? RATING_LABEL[r.computedRating] : '—'}`) : null,
      ),
      h('div', { class: 'rt-ratio', 'data-testid': 'region-ratio' }, pct(r.ratio)),
      h('div', { class: 'rt-figs' },
        h('span', null, '完成 ', h('b', { 'data-testid': 'region-actual' }, yi(r.actual))),
        h('span', null, '序时 ', h('b', { 'data-testid': 'region-expected' }, yi(r.expected))),
        h('span', null, '计划 ', h('b', { 'data-testid': 'region-plan' }, yi(r.plan))),
      ),
      h('div', { class: 'rt-rank' },
        r.rank === null ? h('span', { 'data-testid': 'region-rank' }, '未排名') : ['第', h('b', { 'data-testid': 'region-rank' }, String(r.rank)), '名'],
        rankChange(r.rankChange),
        h('span', { class: 'rt-count' }, `${r.projects}个项目`),
      ),
    );
    tiles.push(tile);
  }
  const inv = d.investment;
  tiles.push(h('div', { class: `region-tile city rating-${inv.rating || 'none'}`, style: `grid-row:${CITY_CELL[0]};grid-column:${CITY_CELL[1]}`, 'data-testid': 'region-city' },
    h('div', { class: 'rt-head' }, h('span', { class: 'rt-name' }, '全市'), h('span', { class: 'rt-rating' }, inv.rating ? RATING_LABEL[inv.rating] : '—')),
    h('div', { class: 'rt-ratio' }, pct(inv.ratio)),
    h('div', { class: 'rt-figs' }, h('span', null, '完成 ', h('b', null, yi(inv.actual))), h('span', null, '序时 ', h('b', null, yi(inv.expected))), h('span', null, '目标 ', h('b', null, yiShort(inv.target)))),
    h('div', { class: 'rt-rank muted' }, '示意布局，非地图'),
  ));
  grid.replaceChildren(...tiles);
}

function chartPalette() {
  return state.printing
    ? { text: '#222', axis: '#666', split: '#ddd', actual: '#1f5fbf', expected: '#c0392b', bar: '#9db8e0', target: '#555' }
    : { text: '#c9d7ea', axis: '#4d6a8f', split: 'rgba(120,150,190,0.18)', actual: '#4da3ff', expected: '#ffb020', bar: 'rgba(77,163,255,0.35)', target: '#9fb3cc' };
}

function renderCurve() {
  const el = $('#curve-chart');
  if (!window.echarts || !state.curve || !state.dashboard) return;
  if (!curveChart) {
    curveChart = window.echarts.init(el, null, { renderer: 'canvas' });
    curveChart.on('finished', () => { el.dataset.rendered = '1'; });
    new ResizeObserver(() => curveChart && curveChart.resize()).observe(el);
  }
  el.dataset.rendered = '0';
  const points = state.curve;
  const target = state.dashboard.investment.target;
  const c = chartPalette();
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const byMonth = new Map(points.map((p) => [p.month, p]));
  const series = (pick) => months.map((_, i) => (byMonth.has(i + 1) ? Number(yi(pick(byMonth.get(i + 1)))) : null));
  curveChart.setOption({
    animation: !state.printing,
    animationDuration: 500,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: 'inherit', color: c.text },
    grid: { left: 48, right: 20, top: 40, bottom: 26 },
    legend: { top: 0, right: 8, textStyle: { color: c.text }, itemWidth: 18, itemHeight: 10 },
    tooltip: {
      trigger: 'axis',
      formatter: (items) => {
        const p = byMonth.get(items[0].dataIndex + 1);
        if (!p) return `${items[0].axisValue}：暂无数据`;
        return `${p.month}月<br>当月完成 ${yi(p.actual)} 亿元<br>累计完成 ${yi(p.cumulativeActual)} 亿元<br>累计序时 ${yi(p.cumulativeExpected)} 亿元<br>完成序时 ${pct(p.ratio)}`;
      },
    },
    xAxis: { type: 'category', data: months, axisLine: { lineStyle: { color: c.axis } }, axisLabel: { color: c.text } },
    yAxis: {
      type: 'value',
      name: '亿元',
      max: (v) => Math.ceil(Math.max(v.max, Number(yi(target))) / 20) * 20,
      nameTextStyle: { color: c.text },
      axisLabel: { color: c.text },
      splitLine: { lineStyle: { color: c.split } },
    },
    series: [
      { name: '当月完成', type: 'bar', data: series((p) => p.actual), itemStyle: { color: c.bar }, barWidth: '45%' },
      {
        name: '累计完成', type: 'line', data: series((p) => p.cumulativeActual), symbolSize: 6,
        lineStyle: { width: 3, color: c.actual }, itemStyle: { color: c.actual },
        areaStyle: state.printing ? undefined : { color: 'rgba(77,163,255,0.12)' },
        markLine: {
          silent: true, symbol: 'none', lineStyle: { color: c.target, type: 'dotted' },
          label: { color: c.text, formatter: `年度目标 ${yiShort(target)}亿`, position: 'insideStartTop' },
          data: [{ yAxis: Number(yi(target)) }],
        },
      },
      { name: '累计序时进度', type: 'line', data: series((p) => p.cumulativeExpected), symbol: 'none', lineStyle: { width: 2, type: 'dashed', color: c.expected }, itemStyle: { color: c.expected } },
    ],
  }, true);
}

function renderChains(d) {
  const body = $('.chain-table tbody');
  body.replaceChildren(...d.chains.map((c) => {
    const selected = state.chain === c.code;
    const projectsOk = c.listedProjects === c.targetProjects;
    return h('tr', {
      class: `rating-${c.rating || 'none'}${c.flagship ? ' flagship' : ''}${selected ? ' selected' : ''}`,
      'data-testid': `chain-${c.code}`,
      'data-code': c.code,
      'aria-selected': selected ? 'true' : 'false',
      title: overrideTitle(c) || '点击筛选本产业链项目',
      onclick: () => setFilter({ chain: selected ? null : c.code }),
    },
      h('td', { class: 'num' }, String(c.no)),
      h('td', { class: 'name' }, h('button', { type: 'button', class: 'link' }, c.flagship ? h('span', { class: 'star', title: '标志性产业链' }, '★') : null, c.name)),
      h('td', { class: `num${projectsOk ? '' : ' warn'}`, title: '入库项目 / 附表目标' }, `${c.listedProjects}/${c.targetProjects}`),
      h('td', { class: 'num', 'data-testid': 'chain-target' }, yi(c.targetInvestment)),
      h('td', { class: 'num', 'data-testid': 'chain-actual' }, yi(c.actual)),
      h('td', { class: 'num', 'data-testid': 'chain-expected' }, yi(c.expected)),
      h('td', { class: 'num ratio-cell' },
        h('i', { class: 'dot', 'aria-hidden': 'true' }),
        h('span', { 'data-testid': 'chain-ratio' }, pct(c.ratio)),
        c.override && c.computedRating !== c.rating ? h('span', { class: 'orig' }, `原:${c.computedRating ? RATING_LABEL[c.computedRating] : '—'}`) : null),
    );
  }));
  const sum = (pick) => d.chains.reduce((acc, c) => acc + pick(c), 0);
  const targetSum = sum((c) => c.targetInvestment);
  const gap = d.investment.target - targetSum;
  $('.chain-table tfoot').replaceChildren(h('tr', null,
    h('td', null, ''),
    h('td', { class: 'name' }, '合计'),
    h('td', { class: 'num' }, `${sum((c) => c.listedProjects)}/${sum((c) => c.targetProjects)}`),
    h('td', { class: `num${gap !== 0 ? ' warn' : ''}`, 'data-testid': 'chain-target-sum', title: gap !== 0 ? `与全市目标 ${yi(d.investment.target)} 亿相差 ${yi(Math.abs(gap))} 亿` : null }, yi(targetSum)),
    h('td', { class: 'num' }, yi(sum((c) => c.actual))),
    h('td', { class: 'num' }, '—'),
    h('td', { class: 'num small' }, gap !== 0 ? `较全市目标${gap > 0 ? '少' : '多'} ${yi(Math.abs(gap))}` : ''),
  ));
}

function renderBigProjects(d) {
  const body = $('.big-table tbody');
  body.replaceChildren(...d.bigProjects.projects.map((p) => h('tr', { 'data-testid': 'big-row', 'data-project-id': p.projectId, onclick: () => openProject(p.projectId) },
    h('td', { class: 'name' }, h('button', { type: 'button', class: 'link', title: p.name }, p.name)),
    h('td', { title: regionName(p.region) }, shortRegion(regionName(p.region))),
    h('td', null, chainOf(p.chain)?.flagship ? '★' : '', chainName(p.chain)),
    h('td', { class: 'num' }, yi(p.totalInvestment)),
    h('td', { class: `stage stage-${p.stage.replace('.', '-')}` }, STAGE_LABELS[p.stage] || p.stage),
  )));
}

function filterLabel() {
  if (state.region) return regionName(state.region);
  if (state.chain) return chainName(state.chain);
  return '';
}

function renderFilterState() {
  const panel = $('[data-testid="filter-panel"]');
  const active = Boolean(state.region || state.chain);
  panel.hidden = !active;
  document.body.classList.toggle('filtered', active);
  panel.dataset.filter = state.region ? `region:${state.region}` : state.chain ? `chain:${state.chain}` : '';
  $('[data-role="filter-name"]').textContent = filterLabel();
  $('[data-role="redlist-scope"]').textContent = active ? filterLabel() : '全市';
  for (const tile of $$('.region-tile[data-code]')) {
    const on = tile.dataset.code === state.region;
    tile.classList.toggle('selected', on);
    tile.setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  for (const row of $$('.chain-table tbody tr')) {
    const on = row.dataset.code === state.chain;
    row.classList.toggle('selected', on);
    row.setAttribute('aria-selected', on ? 'true' : 'false');
  }
}

function setFilter({ region = null, chain = null }) {
  state.region = region;
  state.chain = chain;
  state.page = 1;
  state.filterIds = null;
  syncUrl();
  renderFilterState();
  $('.project-table tbody').replaceChildren();
  setText('project-total', '…');
  renderRedList();
  if (region || chain) loadFilter().catch(handleError);
  else $('[data-testid="filter-panel"]').dataset.status = '';
}

function renderProjects(page) {
  setText('project-total', String(page.total));
  const body = $('.project-table tbody');
  body.replaceChildren(...page.items.map((p) => h('tr', {
    'data-testid': 'project-row',
    'data-project-id': p.projectId,
    'data-region': p.region || '',
    'data-chain': p.chain || '',
    class: `rating-${p.rating || 'none'}`,
    onclick: () => openProject(p.projectId),
  },
    h('td', { class: 'name' },
      h('button', { type: 'button', class: 'link', title: p.name }, p.name),
      h('small', null, `${state.region ? chainName(p.chain) : shortRegion(regionName(p.region))} · ${LIST_LABELS[p.category] || p.category}`)),
    h('td', { class: `stage stage-${p.stage.replace('.', '-')}` }, STAGE_LABELS[p.stage] || p.stage),
    h('td', { class: 'num' }, wan(p.actual)),
    h('td', { class: 'num' }, p.category === 'implementation' ? wan(p.expected) : '—'),
    h('td', { class: 'num ratio-cell' }, p.category === 'implementation' ? [h('i', { class: 'dot', 'aria-hidden': 'true' }), pct(p.ratio)] : (p.actualStartDate ? `已开工 ${p.actualStartDate}` : `计划 ${p.plannedStartDate || '—'}`)),
  )));
  const pager = $('[data-role="pager"]');
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  pager.hidden = pages <= 1;
  pager.replaceChildren(
    h('button', { type: 'button', disabled: page.page <= 1 ? true : null, onclick: () => { state.page -= 1; loadFilter().catch(handleError); } }, '上一页'),
    h('span', null, `第 ${page.page} / ${pages} 页`),
    h('button', { type: 'button', disabled: page.page >= pages ? true : null, onclick: () => { state.page += 1; loadFilter().catch(handleError); } }, '下一页'),
  );
}

function renderRedList() {
  const d = state.dashboard;
  if (!d) return;
  let items = d.redList;
  if (state.region) items = items.filter((i) => i.region === state.region);
  else if (state.chain) items = state.filterIds ? items.filter((i) => state.filterIds.has(i.projectId)) : [];
  setText('redlist-count', String(items.length));
  const body = $('[data-testid="redlist"]');
  const groups = KIND_ORDER.map((kind) => [kind, items.filter((i) => i.kind === kind)]).filter(([, list]) => list.length);
  if (!groups.length) {
    body.replaceChildren(h('p', { class: 'empty' }, state.chain && !state.filterIds ? '加载中…' : '暂无红榜项目'));
    return;
  }
  body.replaceChildren(...groups.map(([kind, list]) => h('section', { class: `red-group red-${kind}` },
    h('h3', null, KIND_LABELS[kind] || kind, h('span', { class: 'count' }, String(list.length))),
    h('ul', null, list.map((i) => h('li', {
      class: `red-item red-${i.kind}`,
      'data-testid': 'redlist-item',
      'data-project-id': i.projectId,
      'data-kind': i.kind,
    },
      h('button', { type: 'button', class: 'link', onclick: () => openProject(i.projectId), title: `${i.name}（${i.regionName || ''}）` },
        h('span', { class: 'ri-region' }, shortRegion(i.regionName || regionName(i.region))),
        h('span', { class: 'ri-name' }, i.name)),
      h('div', { class: 'ri-reason' }, i.reason),
    ))),
  )));
}

function renderFreshness() {
  const badge = $('[data-testid="freshness-badge"]');
  if (!badge) return;
  if (state.asOf) {
    badge.dataset.fresh = 'replay';
    badge.textContent = '历史回放';
    badge.title = `按 ${state.asOf} 时已记录的数据重现`;
    return;
  }
  if (!state.lastLoaded) {
    badge.dataset.fresh = 'unknown';
    badge.textContent = '加载中';
    return;
  }
  const age = Date.now() - state.lastLoaded.getTime();
  const level = state.lastError ? 'stale' : age <= 2 * REFRESH_MS + 5000 ? 'fresh' : age <= 10 * 60_000 ? 'aging' : 'stale';
  const m = state.dashboard?.month;
  let reports = '';
  if (state.missing?.pending) reports = state.missing.current ? `${m}月填报中` : `${m}月未到填报期`;
  else if (state.missing && typeof state.missing.total === 'number') reports = state.missing.total === 0 ? `${m}月月报已齐` : `${m}月缺报 ${state.missing.total} 个`;
  const updated = level === 'stale' && state.lastError ? '刷新失败' : `${clockTime(state.lastLoaded)} 更新`;
  badge.dataset.fresh = level;
  badge.dataset.missing = state.missing && typeof state.missing.total === 'number' ? String(state.missing.total) : '';
  badge.textContent = [reports, updated].filter(Boolean).join(' · ');
  badge.title = `页面数据于 ${clockTime(state.lastLoaded)} 取得${state.lastError ? '；最近一次刷新失败' : ''}`;
}

function openProject(id) {
  openCard(id, {
    year: state.dashboard?.year ?? state.year,
    month: state.dashboard?.month ?? state.month,
    regionName,
    chainName,
    chainFlagship: (code) => Boolean(chainOf(code)?.flagship),
  }).catch(handleError);
}

// ---------------------------------------------------------------- controls

function fillYearSelect() {
  const years = new Set([state.year]);
  for (const c of state.chains) for (const y of Object.keys(c.targets || {})) years.add(Number(y));
  const select = $('#year');
  select.replaceChildren(...[...years].filter(Number.isInteger).sort((a, b) => a - b).map((y) => h('option', { value: y }, `${y}年`)));
  select.value = String(state.year);
}

function initControls() {
  $('#year').replaceChildren(h('option', { value: state.year }, `${state.year}年`));
  const month = $('#month');
  month.replaceChildren(...Array.from({ length: 12 }, (_, i) => h('option', { value: i + 1 }, `${i + 1}月`)));
  month.value = String(state.month || DEFAULT_MONTH);
  month.addEventListener('change', () => {
    state.month = Number(month.value);
    state.dashboard = null;
    loadBoard().catch(handleError);
  });
  $('#year').addEventListener('change', (event) => {
    state.year = Number(event.target.value);
    state.month = null; // the API's default month for that year
    state.dashboard = null;
    loadBoard().catch(handleError);
  });
  const toggle = $('#autorefresh');
  toggle.checked = !state.asOf && params.get('refresh') !== '0';
  toggle.disabled = Boolean(state.asOf);
  toggle.parentElement.title = `墙屏模式：每 ${REFRESH_MS / 1000} 秒自动刷新`;
  toggle.addEventListener('change', scheduleRefresh);
  scheduleRefresh();
  $('#print').addEventListener('click', () => window.print());
  $('[data-testid="filter-chip"]').addEventListener('click', () => setFilter({}));
  window.addEventListener('beforeprint', () => setPrintMode(true));
  window.addEventListener('afterprint', () => setPrintMode(false));
  setInterval(renderFreshness, 15_000);
}

function scheduleRefresh() {
  clearInterval(state.timer);
  state.timer = null;
  if ($('#autorefresh').checked && !state.asOf) {
    state.timer = setInterval(() => {
      if (document.body.dataset.state === 'login') return;
      loadBoard().catch(handleError);
    }, REFRESH_MS);
  }
}

/** Light chart colours and a fixed A4-column size while printing; the canvas is redrawn at once. */
function setPrintMode(on) {
  state.printing = on;
  renderCurve();
  if (curveChart) {
    curveChart.resize(on ? { width: 500, height: 235 } : { width: 'auto', height: 'auto' });
    curveChart.getZr()?.refreshImmediately?.();
  }
  setCardPrintMode(on);
}

// ---------------------------------------------------------------- start

function start() {
  wireSignIn();
  setSignedInHandler(() => {
    document.body.dataset.state = 'loading';
    loadAll();
  });
  initCard();
  initControls();
  if (!window.echarts) showBanner('图表组件未加载（/vendor/echarts/echarts.min.js）');
  loadAll();
}

start();
