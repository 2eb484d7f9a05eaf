// @ts-check
// Loading the board and drawing every block of it: the period (the server's default unless
// the address names one), the reference names, the dashboard and its curve, the filter's
// projects; errors go to the banner and the freshness badge.
import { loadActorNames } from '/shared/actors.js';
import { api, ApiError } from '/shared/api.js';
import { $ } from '/shared/dom.js';
import { defaultPeriod } from '/shared/default-period.js';
import { displayToken } from '/shared/display.js';
import { renderAttraction } from './attraction.js';
import { renderBigProjects } from './big-projects.js';
import { renderBulletin } from './bulletin.js';
import { openCard } from './card.js';
import { setBarsPrintMode } from './card-bars.js';
import { openChainPage } from './chain-page.js';
import { renderChains } from './chains.js';
import { renderFactorGuarantee } from './factor-guarantee.js';
import { fillYearSelect, showPeriodChoice } from './controls.js';
import { renderCurve, resizeCurveForPrint } from './curve.js';
import { clearProjects, renderFilterState, renderProjects } from './filter.js';
import { loadChannelHealth, loadMissing, renderFreshness } from './freshness.js';
import { renderHeadline } from './headline.js';
import { renderCoverage, renderPeriod, renderWarnings, showBanner, showNoPlan } from './notices.js';
import { renderRedList } from './red-list.js';
import { renderRegions } from './regions.js';
import { boardQuery, chainName, chainOf, PAGE_SIZE, regionName, state, syncUrl } from './state.js';

/** @typedef {import('/shared/types.js').Dashboard} Dashboard */
/** @typedef {import('/shared/types.js').CurvePoint} CurvePoint */
/** @typedef {import('/shared/types.js').RegionView} RegionView */
/** @typedef {import('/shared/types.js').ChainView} ChainView */
/** @typedef {import('/shared/types.js').ListedProjectRow} ListedProjectRow */
/** @typedef {import('/shared/types.js').Page<ListedProjectRow>} ProjectPage */

let boardSeq = 0;
let filterSeq = 0;

/** A failed load: the banner says why (a 401 has put up the sign-in form instead). */
export function handleError(/** @type {unknown} */ error) {
  if (error instanceof ApiError && error.status === 401) return;
  if (error instanceof ApiError && error.status === 404 && error.body?.details?.some((d) => d.code === 'noPlan')) {
    showNoPlanFor(state.year).catch(() => {});
    return;
  }
  if (error instanceof DOMException && error.name === 'AbortError') return;
  if (!(error instanceof ApiError)) console.error(error); // a bug, not a refusal: let it be seen
  state.lastError = error;
  const message = error instanceof ApiError ? (error.status === 403 ? `无权访问：${error.message}` : error.message) : '页面出错，请刷新重试';
  showBanner(`数据加载失败：${message}`);
  if (document.body.dataset.state !== 'ready') document.body.dataset.state = 'error';
  renderFreshness();
}

/** Says the year has no plan; the link to create one is for the city office only. */
async function showNoPlanFor(/** @type {number | null} */ year) {
  if (year === null) return;
  /** @type {{ role: string }} */
  const me = await api('/api/auth/me');
  showNoPlan(year, me.role === 'admin');
  showBanner('');
  state.lastError = null;
  if (document.body.dataset.state !== 'ready') document.body.dataset.state = 'no-plan';
}

/** Names of regions and chains, and the server's default period (once); then the board. */
export async function loadAll() {
  try {
    await loadReferences();
    await loadBoard();
  } catch (error) {
    handleError(error);
  }
}

async function loadReferences() {
  if (state.period && state.regions.length && state.chains.length) return;
  /** @type {Promise<RegionView[]>} */
  const regions = api('/api/regions');
  /** @type {Promise<ChainView[]>} */
  const chains = api('/api/chains');
  // the names every history on the board shows for its actors (actors.js), with the references
  const [r, c, period] = await Promise.all([regions, chains, defaultPeriod(), loadActorNames()]);
  state.regions = r;
  state.chains = c;
  state.period = period;
  if (state.year === null) {
    state.year = period.year;
    state.month ??= period.month;
  }
  fillYearSelect(period.years, state.year);
}

/** Reads the board and its curve for the period shown and draws them. */
export async function loadBoard() {
  const year = state.year;
  if (year === null) return;
  const seq = ++boardSeq;
  const q = new URLSearchParams();
  if (state.month) q.set('month', String(state.month));
  if (state.asOf) q.set('asOf', state.asOf);
  const qs = q.toString() ? `?${q}` : '';
  /** @type {Promise<Dashboard>} */
  const dashboardRead = api(`/api/dashboard/${year}${qs}`);
  /** @type {Promise<CurvePoint[]>} */
  const curveRead = api(`/api/dashboard/${year}/curve${qs}`);
  const [dashboard, curve] = await Promise.all([dashboardRead, curveRead]);
  if (seq !== boardSeq) return;
  state.dashboard = dashboard;
  state.curve = curve;
  state.month = dashboard.month;
  const loaded = new Date();
  state.lastLoaded = loaded;
  state.lastError = null;
  showBanner('');
  showNoPlan(null, false);
  renderAll(dashboard);
  syncUrl();
  if (state.region || state.chain) await loadFilter();
  if (seq !== boardSeq) return;
  document.body.dataset.state = 'ready';
  document.body.dataset.loadedAt = String(loaded.getTime());
  loadMissing().catch(() => {});
  if (displayToken() === null) void loadChannelHealth();
  renderBulletin(dashboard.year, dashboard.month).catch(() => {});
}

function renderAll(/** @type {Dashboard} */ d) {
  renderPeriod(d);
  showPeriodChoice(d.year, d.month);
  renderHeadline(d);
  renderWarnings(d.warnings);
  renderCoverage(d);
  renderRegions(d, { selected: state.region, onSelect: (code) => setFilter({ region: code }) });
  drawCurve();
  renderAttraction(d);
  renderChains(d, { selected: state.chain, onSelect: (code) => setFilter({ chain: code }), onOpen: openChain });
  renderBigProjects(d, openProject);
  renderFilterState();
  renderRedList(openProject);
  renderFactorGuarantee(d, openProject);
  renderFreshness();
}

function drawCurve() {
  if (state.dashboard && state.curve) renderCurve(state.curve, state.dashboard.investment.target, state.printing);
}

/** The projects of the region or chain the board is filtered by (a page of them). */
async function loadFilter() {
  const seq = ++filterSeq;
  const panel = $('[data-testid="filter-panel"]');
  panel.dataset.status = 'loading';
  const filter = state.region ? { region: state.region } : { chain: state.chain };
  /** @type {ProjectPage} */
  const page = await api(`/api/dashboard/${state.year}/projects${boardQuery({ ...filter, page: state.page, pageSize: PAGE_SIZE })}`);
  if (seq !== filterSeq) return;
  renderProjects(page, {
    openProject,
    goToPage: (n) => {
      state.page = n;
      loadFilter().catch(handleError);
    },
  });
  state.filterIds = state.chain ? new Set(page.items.map((p) => p.projectId)) : null;
  renderRedList(openProject);
  panel.dataset.status = 'ready';
}

/** Filters the board by a region or a chain (or neither). */
export function setFilter(/** @type {{ region?: string | null, chain?: string | null }} */ { region = null, chain = null }) {
  state.region = region;
  state.chain = chain;
  state.page = 1;
  state.filterIds = null;
  syncUrl();
  renderFilterState();
  clearProjects();
  renderRedList(openProject);
  if (region || chain) loadFilter().catch(handleError);
  else $('[data-testid="filter-panel"]').dataset.status = '';
}

/** The chain's page for the period and instant the board shows. */
function openChain(/** @type {string} */ code) {
  openChainPage(code, { year: state.dashboard?.year ?? state.year ?? 0, month: state.dashboard?.month ?? state.month, asOf: state.asOf, regionName }).catch(handleError);
}

function openProject(/** @type {number} */ id) {
  openCard(id, {
    year: state.dashboard?.year ?? state.year ?? 0,
    // the card counts overdue days as the board's 要素保障 block does: same instant, same 截至 date
    requestsAt: state.dashboard ? { asOf: state.dashboard.asOf, refDate: state.dashboard.factorGuarantee.refDate } : null,
    regionName,
    chainName,
    chainFlagship: (code) => Boolean(chainOf(code)?.flagship),
  }).catch(handleError);
}

/** Light chart colours and a fixed A4-column size while printing; the canvases are redrawn at once. */
export function setPrintMode(/** @type {boolean} */ on) {
  state.printing = on;
  drawCurve();
  resizeCurveForPrint(on);
  setBarsPrintMode(on);
}
