// Display formatting for the workbench: the shared formatters (money as integer 万元 turned
// into text with integer arithmetic) plus month helpers.
export { pct, shanghaiDate, shanghaiDateTime, wan, yi } from '/shared/format.js';

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
