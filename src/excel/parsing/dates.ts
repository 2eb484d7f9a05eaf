import { MAX_YEAR, MIN_YEAR } from '../../common/index.js';
import { fold } from './cells.js';
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
 * Text without a year (3月底, 3月中旬, 3月5日) takes `year` (the sheet's: from its name or
 * title); without one it is refused. Full-width digits (２０２４年３月) read as written
 * (docs/excel-import.md "Dates").
 */
export function parseDate(cell: CellData, year?: number): Parsed<string> {
  switch (cell.t) {
    case 'd': {
      const date = new Date(cell.v);
      return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), cell.v.slice(0, 10));
    }
    case 'n':
      return fromNumber(cell.v, cell.f);
    case 's':
      return fromText(cell.v, year);
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

const FULL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH = /^(\d{4})[-/.年](\d{1,2})月?(份|初|上旬|中旬|下旬|底|末)?[.]?$/;
/** 3月底, 3月中旬, 3月5日: a month (and day) of the sheet's year. */
const YEARLESS = /^(\d{1,2})月(?:(\d{1,2})[日号]|(份|初|上旬|中旬|下旬|底|末))?$/;

export function fromText(raw: string, defaultYear?: number): Parsed<string> {
  const text = fold(raw);
  const full = FULL.exec(text) ?? COMPACT.exec(text);
  if (full) return fromParts(Number(full[1]), Number(full[2]), Number(full[3]), raw);
  const month = MONTH.exec(text);
  if (month) return withinMonth(Number(month[1]), Number(month[2]), month[3], raw);
  const yearless = YEARLESS.exec(text);
  if (yearless) {
    if (defaultYear === undefined)
      return { ok: false, message: `“${raw}”没有年份：请写成如 2024年${yearless[1]}月…，或在工作表名称或标题中写明年份` };
    if (yearless[2]) return fromParts(defaultYear, Number(yearless[1]), Number(yearless[2]), raw);
    return withinMonth(defaultYear, Number(yearless[1]), yearless[3], raw);
  }
  return { ok: false, message: `“${raw}”不是可识别的日期（如 2024-03-01、2024/3/1、2024.3、2024年3月）` };
}

/** A month alone means its 1st; 上旬/中旬/下旬 the 1st, 11th, 21st; 底/末 its last day. */
function withinMonth(year: number, month: number, within: string | undefined, shown: string): Parsed<string> {
  if (within === '底' || within === '末') return month >= 1 && month <= 12 ? fromParts(year, month, daysIn(year, month), shown) : fromParts(year, month, 1, shown);
  const day = within === '中旬' ? 11 : within === '下旬' ? 21 : 1;
  return fromParts(year, month, day, shown);
}

function fromParts(year: number, month: number, day: number, shown: string): Parsed<string> {
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, message: `日期 ${shown} 的年份不在 ${MIN_YEAR}–${MAX_YEAR} 之间` };
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { ok: false, message: `日期 ${shown} 不存在` };
  return { ok: true, value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
