import { MAX_WAN } from '../../common/validation.js';

/** The unit a money column is written in: 万元, or 亿元 (1亿元 = 10,000 万元). */
export type MoneyUnit = 'wan' | 'yi';

export const UNIT_LABELS: Record<MoneyUnit, string> = { wan: '万元', yi: '亿元' };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A money figure from a cell → integer 万元, exactly: the decimal text is shifted by string
 * arithmetic (亿元 → four places), never multiplied as a float. A figure finer than 1 万元
 * (1.23456亿, 12.5万) is refused rather than rounded; so are negatives and exponents.
 * A number cell is read through its shortest decimal form (`String(1.23)` is "1.23").
 * A unit written in the cell itself (1.5亿元, 300万) wins over the column's.
 */
export function parseWan(value: string | number, columnUnit: MoneyUnit): Parsed<number> {
  let text = typeof value === 'number' ? numberText(value) : value;
  if (text === null) return { ok: false, message: `数值 ${String(value)} 无法精确识别，请写成普通数字` };
  text = text.replace(/[\s,，]/g, '');
  let unit = columnUnit;
  const suffix = /(亿元|亿|万元|万)$/.exec(text);
  if (suffix) {
    unit = suffix[1].startsWith('亿') ? 'yi' : 'wan';
    text = text.slice(0, -suffix[1].length);
  }
  if (/^-/.test(text)) return { ok: false, message: '金额不能为负数' };
  const match = /^\+?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return { ok: false, message: `“${String(value)}”不是金额（应为数字，单位${UNIT_LABELS[unit]}）` };
  const places = unit === 'yi' ? 4 : 0;
  const fraction = match[2] ?? '';
  if (/[1-9]/.test(fraction.slice(places)))
    return { ok: false, message: `“${String(value)}”${UNIT_LABELS[unit]}精确到了 1 万元以下，金额须为整数万元` };
  const digits = (match[1] + fraction.slice(0, places).padEnd(places, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 10 || Number(digits) > MAX_WAN) return { ok: false, message: `金额过大（上限 ${MAX_WAN} 万元）` };
  return { ok: true, value: Number(digits) };
}

/** The shortest decimal text of a finite number, or null when only an exponent form exists. */
function numberText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return /e/i.test(text) ? null : text;
}
