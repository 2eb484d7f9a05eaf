// Display formatting for the war room: the shared formatters (money as integer 万元 turned
// into text with integer arithmetic) plus the war room's own.
import { shanghaiParts, yi } from '/shared/format.js';

export { pct, shanghaiDate, shanghaiDateTime, wan, yi } from '/shared/format.js';

/** 亿元 without trailing zero decimals, for targets and thresholds: 1650000 → "165", 1594500 → "159.45". */
export function yiShort(wan) {
  return yi(wan).replace(/\.?0+$/, '');
}

/** A share (0.8) as a whole percent label, "80%". */
export function pctWhole(ratio) {
  return `${Math.round(Number(ratio) * 100)}%`;
}

export const RATING_LABEL = { blue: '蓝', yellow: '黄', red: '红' };

/** A local clock time "10:00:05" (for the freshness badge). */
export function clockTime(date) {
  const p = shanghaiParts(date.toISOString(), true);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** Short display name of a region: 聊城经济技术开发区 → 经开区 (the full name stays in the title). */
export function shortRegion(name) {
  if (!name) return '—';
  const rest = name.replace(/^聊城市?/, '');
  if (rest.includes('经济技术开发区')) return '经开区';
  if (rest.includes('高新技术产业开发区')) return '高新区';
  if (rest.includes('旅游度假区')) return '度假区';
  return rest || name;
}
