// @ts-check
// The freshness badge: how recent the data on the wall is (fresh, aging, stale, or a replay),
// and for the month shown whether its reports are all in (缺报 once the month has ended).
import { api, ApiError } from '/shared/api.js';
import { $maybe } from '/shared/dom.js';
import { clockTime, localDate } from '/shared/format.js';
import { REFRESH_MS, state } from './state.js';

/** @typedef {import('/shared/types.js').MissingReports} MissingReports */
/** @typedef {import('/shared/types.js').NotificationsHealth} NotificationsHealth */

/**
 * Notification channels that keep failing (docs/notifications.md "Failures"): shown on the line,
 * not dropped silently. A wall screen (display token) is not told (403): nothing shown.
 */
export async function loadChannelHealth() {
  try {
    /** @type {NotificationsHealth} */
    const health = await api('/api/notifications/health');
    state.failingChannels = health.failingChannels.length;
  } catch {
    state.failingChannels = 0;
  }
  renderFreshness();
}

/** 缺报 for the board's month, once that month has ended (by the server's date of the board). */
export async function loadMissing() {
  const d = state.dashboard;
  state.missing = null;
  if (!d || state.asOf) return renderFreshness();
  const [ty, tm] = localDate(d.asOf).split('-').map(Number);
  const ended = d.year < ty || (d.year === ty && d.month < tm);
  if (!ended) {
    state.missing = { pending: true, current: d.year === ty && d.month === tm };
    return renderFreshness();
  }
  const month = `${d.year}-${String(d.month).padStart(2, '0')}`;
  try {
    /** @type {MissingReports} */
    const missing = await api(`/api/reports/missing?month=${month}`);
    if (state.dashboard === d) state.missing = { pending: false, total: missing.total };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    state.missing = null;
  }
  renderFreshness();
}

export function renderFreshness() {
  const badge = $maybe('[data-testid="freshness-badge"]');
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
  const missing = state.missing;
  let reports = '';
  if (missing?.pending) reports = missing.current ? `${m}月填报中` : `${m}月未到填报期`;
  else if (missing) reports = missing.total === 0 ? `${m}月月报已齐` : `${m}月缺报 ${missing.total} 个`;
  const updated = level === 'stale' && state.lastError ? '刷新失败' : `${clockTime(state.lastLoaded)} 更新`;
  const channels = state.failingChannels > 0 ? `通知渠道异常 ${state.failingChannels} 个` : '';
  badge.dataset.fresh = level;
  badge.dataset.missing = missing && !missing.pending ? String(missing.total) : '';
  badge.dataset.channelsFailing = String(state.failingChannels);
  badge.textContent = [reports, channels, updated].filter(Boolean).join(' · ');
  badge.title = `页面数据于 ${clockTime(state.lastLoaded)} 取得${state.lastError ? '；最近一次刷新失败' : ''}`;
}
