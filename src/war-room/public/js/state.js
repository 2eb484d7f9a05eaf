// @ts-check
// What the war room shows and where it stands: the period, the filter, the data last loaded,
// and the page address that keeps them (?year=&month=&region=&chain=&asOf=&refresh=).
import { setQueryParams } from '/shared/dom.js';

/** @typedef {import('/shared/types.js').Dashboard} Dashboard */
/** @typedef {import('/shared/types.js').CurvePoint} CurvePoint */
/** @typedef {import('/shared/types.js').RegionView} RegionView */
/** @typedef {import('/shared/types.js').ChainView} ChainView */
/** @typedef {import('/shared/types.js').DefaultPeriod} DefaultPeriod */

export const params = new URLSearchParams(location.search);

/** Auto-refresh period for the wall: 60 s, or ?refresh=N seconds (N ≥ 2; 0 starts with it off). */
export const REFRESH_MS = Math.max(2, Number.parseInt(params.get('refresh') ?? '', 10) || 60) * 1000;

/** Rows per page of the filtered project table. */
export const PAGE_SIZE = 200;

/**
 * @typedef {{ pending: true, current: boolean } | { pending: false, total: number }} MissingState
 * 缺报 for the shown month: not yet due (pending), or the count once the month has ended.
 */

/**
 * @typedef {object} BoardState
 * @property {number | null} year the year shown (null until the server's default period is known)
 * @property {number | null} month the month shown (null: the API's default month for the year)
 * @property {string | null} asOf replay: the data as recorded at this instant
 * @property {string | null} region the region filter
 * @property {string | null} chain the chain filter
 * @property {number} page page of the filtered project table
 * @property {DefaultPeriod | null} period the server's default period
 * @property {RegionView[]} regions
 * @property {ChainView[]} chains
 * @property {Dashboard | null} dashboard
 * @property {CurvePoint[] | null} curve
 * @property {Set<number> | null} filterIds projects of the chain filter (the red list follows them)
 * @property {Date | null} lastLoaded
 * @property {unknown} lastError
 * @property {MissingState | null} missing
 * @property {number} failingChannels notification channels that keep failing (0 when none, or not known)
 * @property {boolean} printing
 */

/** @type {BoardState} */
export const state = {
  year: positiveInt(params.get('year')),
  month: positiveInt(params.get('month')),
  asOf: params.get('asOf') || null,
  region: params.get('region') || null,
  chain: params.get('chain') || null,
  page: 1,
  period: null,
  regions: [],
  chains: [],
  dashboard: null,
  curve: null,
  filterIds: null,
  lastLoaded: null,
  lastError: null,
  missing: null,
  failingChannels: 0,
  printing: false,
};

function positiveInt(/** @type {string | null} */ value) {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The month the board shows: the loaded board's when it is of the shown year, else the one asked for. */
export function shownMonth() {
  return state.dashboard && state.dashboard.year === state.year ? state.dashboard.month : state.month;
}

/** The query string of a board read: month, asOf and any extra parameters. */
export function boardQuery(/** @type {Record<string, string | number | null | undefined>} */ extra = {}) {
  const q = new URLSearchParams();
  const month = shownMonth();
  if (month) q.set('month', String(month));
  if (state.asOf) q.set('asOf', state.asOf);
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function regionName(/** @type {string | null} */ code) {
  const r = state.regions.find((x) => x.code === code);
  return r ? r.name : code || '—';
}

export function chainOf(/** @type {string | null} */ code) {
  return state.chains.find((x) => x.code === code) || null;
}

export function chainName(/** @type {string | null} */ code) {
  const c = chainOf(code);
  return c ? c.name : code || '—';
}

/** Keeps the page address in step with what is shown, so a reload or a shared link shows the same. */
export function syncUrl() {
  setQueryParams({
    year: state.year,
    month: state.dashboard ? state.dashboard.month : state.month,
    asOf: state.asOf,
    region: state.region,
    chain: state.chain,
    refresh: params.get('refresh'),
  });
}
