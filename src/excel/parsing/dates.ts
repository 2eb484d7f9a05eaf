import { MAX_YEAR, MIN_YEAR } from '../../common/calendar.js';
import type { Parsed } from './money.js';
import type { CellData } from './workbook-reader.js';

/** Excel serial day numbers for 2000-01-01 and 2100-12-31 (1900 date system). */
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73415;

/**
 * A date from a cell → `YYYY-MM-DD`. Accepted: Excel dates; serial day numbers; text
 * `2024-03-01`, `2024/3/1`, `2024.3.1`, `2024年3月1日`, `20240301`; month-only text
 * `2024.3`, `2024-03`, `2024/3`, `2024年3月`, meaning the 1st of the month (`…月底`/`…月末`:
 * the last day; `上旬/中旬/下旬`: the 1st, 11th, 21st). A number like 2024.3 typed into a
 * number cell is read the same way; 2024.1 in a number cell is refused because Excel has
 * dropped the difference between 2024.1 and 2024.10 (unless the cell shows two decimals).
 */
export function parseDate(cell: CellData): Parsed<string> {
  switch (cell.t) {
    case 'd': {
      const date = new Date(cell.v);
      return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), cell.v.slice(0, 10));
    }
    case 'n':
      return fromNumber(cell.v, cell.f);
    case 's':
      return fromText(cell.v);
    case 'b':
    case 'f':
    case 'e':
      return { ok: false, message: '不是日期' };
  }
}

function fromNumber(value: number, numFmt: string | undefined): Parsed<string> {
  if (Number.isInteger(value) && value >= SERIAL_MIN && value <= SERIAL_MAX) {
    const date = new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
    return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), String(value));
  }
  if (Number.isInteger(value) && value >= 20000101 && value <= 21001231) return fromText(String(value));
  if (value > MIN_YEAR && value < MAX_YEAR + 1 && !Number.isInteger(value)) {
    const twoDecimals = numFmt !== undefined && /0\.00(?![0#])/.test(numFmt);
    const text = twoDecimals ? value.toFixed(2) : String(value);
    if (!twoDecimals && /^\d{4}\.1$/.test(text))
      return { ok: false, message: `${text} 可能是 1 月也可能是 10 月（数字单元格会去掉末尾的 0），请写成 ${text.slice(0, 4)}-01 或 ${text.slice(0, 4)}-10` };
    return fromText(text);
  }
  return { ok: false, message: `${value} 不是日期` };
}

const FULL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月)?\s*(份|初|上旬|中旬|下旬|底|末)?\s*[.]?$/;

export function fromText(raw: string): Parsed<string> {
  const text = raw.trim().replace(/\s+/g, '');
  const full = FULL.exec(text) ?? COMPACT.exec(text);
  if (full) return fromParts(Number(full[1]), Number(full[2]), Number(full[3]), raw);
  const month = MONTH.exec(text);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    const within = month[3];
    if (within === '底' || within === '末') return fromParts(year, m, daysIn(year, m), raw);
    const day = within === '中旬' ? 11 : within === '下旬' ? 21 : 1;
    return fromParts(year, m, day, raw);
  }
  return { ok: false, message: `“${raw}”不是可识别的日期（如 2024-03-01、2024/3/1、2024.3、2024年3月）` };
}

function fromParts(year: number, month: number, day: number, shown: string): Parsed<string> {
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, message: `日期 ${shown} 的年份不在 ${MIN_YEAR}–${MAX_YEAR} 之间` };
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { ok: false, message: `日期 ${shown} 不存在` };
  return { ok: true, value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
