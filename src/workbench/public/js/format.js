// Display formatting. Money arrives as integer 万元 and is only turned into text here,
// with integer arithmetic (never floats for money). Copied from the war room.

/** Integer 万元 → 亿元 with two decimals, rounded half up: 1247980 → "124.80". */
export function yi(wan) {
  const w = Math.trunc(Number(wan) || 0);
  const sign = w < 0 ? '-' : '';
  const hundredths = Math.floor((2 * Math.abs(w) + 100) / 200);
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** Integer 万元 with thousands separators: 17400 → "17,400"; null → "—". */
export function wan(value) {
  if (value === null || value === undefined || value === '') return '—';
  const w = Math.trunc(Number(value) || 0);
  return (w < 0 ? '-' : '') + String(Math.abs(w)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A ratio (0.9076) as a percent with one decimal, "90.8%". */
export function pct(ratio) {
  if (ratio === null || ratio === undefined || Number.isNaN(Number(ratio))) return '—';
  const tenThousandths = Math.round(Number(ratio) * 10000);
  const tenths = Math.floor((tenThousandths + 5) / 10);
  const sign = tenths < 0 ? '-' : '';
  const a = Math.abs(tenths);
  return `${sign}${Math.floor(a / 10)}.${a % 10}%`;
}

const SHANGHAI = 'Asia/Shanghai';

function parts(iso, withTime) {
  const options = { timeZone: SHANGHAI, year: 'numeric', month: '2-digit', day: '2-digit' };
  if (withTime) Object.assign(options, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const map = {};
  for (const p of new Intl.DateTimeFormat('en-CA', options).formatToParts(new Date(iso))) map[p.type] = p.value;
  return map;
}

/** An instant as the Shanghai wall-clock "2024-11-20 10:00". */
export function shanghaiDateTime(iso) {
  if (!iso) return '—';
  const p = parts(iso, true);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** An instant as its Shanghai calendar date "2024-11-20". */
export function shanghaiDate(iso) {
  if (!iso) return null;
  const p = parts(iso, false);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "2024-10" → "2024年10月". */
export function monthLabel(month) {
  if (!month) return '—';
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

export function previousMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Months from January of the previous year up to `last`, newest first. */
export function monthsUpTo(last) {
  const months = [];
  const firstYear = Number(last.slice(0, 4)) - 1;
  for (let month = last; Number(month.slice(0, 4)) >= firstYear; month = previousMonth(month)) months.push(month);
  return months;
}
