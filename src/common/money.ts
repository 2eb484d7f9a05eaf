import { roundDiv } from './calendar.js';

/**
 * Money is integer 万元 everywhere; 亿元 with two decimals is for display only
 * (docs/domain/figures.md). Formatting is done on integers, rounding half up.
 */
export function formatYi(wan: number): string {
  const sign = wan < 0 ? '-' : '';
  const hundredths = roundDiv(Math.abs(wan), 100);
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** A ratio (0.6612) as a percent with one decimal, "66.1", rounded half up on integers. */
export function formatPercent(ratio: number): string {
  const tenths = Math.floor((Math.round(ratio * 10000) + 5) / 10);
  const sign = tenths < 0 ? '-' : '';
  return `${sign}${Math.floor(Math.abs(tenths) / 10)}.${Math.abs(tenths) % 10}`;
}

/** 亿元 without trailing zeros, for thresholds in sentences: 500000 → "50", 1594500 → "159.45". */
export function formatYiShort(wan: number): string {
  return formatYi(wan).replace(/\.?0+$/, '');
}
