// @ts-check
// Display formatting of both pages. Money arrives as integer 万元 and is only ever turned
// into text here, with integer arithmetic (never floats for money).
import { STAGE_LABELS } from '/shared/labels.js';
import { CALENDAR_ZONE, calendarDateIn, wallClockIn } from '/shared/period.js';

/** Integer 万元 → 亿元 with two decimals, rounded half up: 1247980 → "124.80". */
export function yi(/** @type {number | null | undefined} */ wan) {
  const w = Math.trunc(Number(wan) || 0);
  const sign = w < 0 ? '-' : '';
  const hundredths = Math.floor((2 * Math.abs(w) + 100) / 200);
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** 亿元 without trailing zero decimals, for targets and thresholds: 1650000 → "165", 1594500 → "159.45". */
export function yiShort(/** @type {number} */ wan) {
  return yi(wan).replace(/\.?0+$/, '');
}

/** Integer 万元 with thousands separators: 17400 → "17,400"; nothing → "—". */
export function wan(/** @type {number | string | null | undefined} */ value) {
  if (value === null || value === undefined || value === '') return '—';
  const w = Math.trunc(Number(value) || 0);
  return (w < 0 ? '-' : '') + String(Math.abs(w)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A ratio from the API (4 decimals, e.g. 0.9076) as a percent with one decimal, "90.8%".
 * The ratio is taken to integer ten-thousandths first, then rounded half up to tenths of a percent.
 */
export function pct(/** @type {number | null | undefined} */ ratio) {
  if (ratio === null || ratio === undefined || Number.isNaN(Number(ratio))) return '—';
  const tenThousandths = Math.round(Number(ratio) * 10000);
  const tenths = Math.floor((tenThousandths + 5) / 10);
  const sign = tenths < 0 ? '-' : '';
  const a = Math.abs(tenths);
  return `${sign}${Math.floor(a / 10)}.${a % 10}%`;
}

/** A share (0.8) as a whole percent label, "80%". */
export function pctWhole(/** @type {number} */ ratio) {
  return `${Math.round(Number(ratio) * 100)}%`;
}

// ------------------------------------------------------------------ dates and times (the server's calendar zone)

/** An instant as the calendar zone's wall clock "2024-11-20 10:00" (the zone is the server's, /shared/period.js). */
export function localDateTime(/** @type {string | null | undefined} */ iso) {
  if (!iso) return '—';
  return wallClockIn(iso, CALENDAR_ZONE);
}

/** An instant as its calendar date in the zone, "2024-11-20". */
export function localDate(/** @type {string} */ iso) {
  return calendarDateIn(iso, CALENDAR_ZONE);
}

/** A moment as the zone's clock time "10:00:05" (when the page last loaded its data). */
export function clockTime(/** @type {Date} */ date) {
  return wallClockIn(date, CALENDAR_ZONE, true).slice(11);
}

// ------------------------------------------------------------------ names

/** The word of a stage code from the API (the code itself, were it ever one the labels lack). */
export function stageName(/** @type {string} */ stage) {
  return stage in STAGE_LABELS ? STAGE_LABELS[/** @type {keyof typeof STAGE_LABELS} */ (stage)] : stage;
}

/** Short display name of a region: 聊城经济技术开发区 → 经开区 (the full name stays in the title). */
export function shortRegion(/** @type {string | null | undefined} */ name) {
  if (!name) return '—';
  const rest = name.replace(/^聊城市?/, '');
  if (rest.includes('经济技术开发区')) return '经开区';
  if (rest.includes('高新技术产业开发区')) return '高新区';
  if (rest.includes('旅游度假区')) return '度假区';
  return rest || name;
}
