// Display formatting shared by the war room and the workbench. Money arrives as integer
// 万元 and is only ever turned into text here, with integer arithmetic (never floats for money).

/** Integer 万元 → 亿元 with two decimals, rounded half up: 1247980 → "124.80". */
export function yi(wan) {
  const w = Math.trunc(Number(wan) || 0);
  const sign = w < 0 ? '-' : '';
  const hundredths = Math.floor((2 * Math.abs(w) + 100) / 200);
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** Integer 万元 with thousands separators: 17400 → "17,400"; nothing → "—". */
export function wan(value) {
  if (value === null || value === undefined || value === '') return '—';
  const w = Math.trunc(Number(value) || 0);
  return (w < 0 ? '-' : '') + String(Math.abs(w)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A ratio from the API (4 decimals, e.g. 0.9076) as a percent with one decimal, "90.8%".
 * The ratio is taken to integer ten-thousandths first, then rounded half up to tenths of a percent.
 */
export function pct(ratio) {
  if (ratio === null || ratio === undefined || Number.isNaN(Number(ratio))) return '—';
  const tenThousandths = Math.round(Number(ratio) * 10000);
  const tenths = Math.floor((tenThousandths + 5) / 10);
  const sign = tenths < 0 ? '-' : '';
  const a = Math.abs(tenths);
  return `${sign}${Math.floor(a / 10)}.${a % 10}%`;
}

const SHANGHAI = 'Asia/Shanghai';

export function shanghaiParts(iso, withTime) {
  const options = { timeZone: SHANGHAI, year: 'numeric', month: '2-digit', day: '2-digit' };
  if (withTime) Object.assign(options, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const map = {};
  for (const p of new Intl.DateTimeFormat('en-CA', options).formatToParts(new Date(iso))) map[p.type] = p.value;
  return map;
}

/** An instant as the Shanghai wall-clock "2024-11-20 10:00". */
export function shanghaiDateTime(iso) {
  if (!iso) return '—';
  const p = shanghaiParts(iso, true);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** An instant as its Shanghai calendar date "2024-11-20". */
export function shanghaiDate(iso) {
  if (!iso) return null;
  const p = shanghaiParts(iso, false);
  return `${p.year}-${p.month}-${p.day}`;
}
