import { MAX_WAN } from '../../common/index.js';
import { fold, type Parsed } from './cells.js';

/** The unit a money column is written in: 万元, or 亿元 (1亿元 = 10,000 万元). */
export type MoneyUnit = 'wan' | 'yi';

export const UNIT_LABELS: Record<MoneyUnit, string> = { wan: '万元', yi: '亿元' };

export type { Parsed };

/** Decimal places a figure moves when it becomes 万元: 亿元 four to the right, 元 four to the left. */
const SHIFT = { yi: 4, wan: 0, yuan: -4 } as const;
type CellUnit = keyof typeof SHIFT;

/**
 * A money figure from a cell → integer 万元, exactly: the decimal text is shifted by string
 * arithmetic (亿元 → four places), never multiplied as a float. A figure finer than 1 万元
 * (1.23456亿, 12.5万) is refused rather than rounded; so are negatives and exponents.
 * A number cell is read through its shortest decimal form (`String(1.23)` is "1.23").
 *
 * A unit written in the cell itself wins over the column's, read literally: 亿/亿元, 万/万元,
 * 元 (12.5亿元 = 125000 万元; 300万 = 300 万元; 5000000元 = 500 万元). So "1.2万" is 1.2 万元,
 * which is refused as finer than 1 万元, with a message naming the other reading (1.2 亿元):
 * guessing a factor of 10,000 is worse than asking. Separators (3,000) and full-width
 * characters (１２．５亿元) are read as written (docs/excel-import.md "Money").
 */
export function parseWan(value: string | number, columnUnit: MoneyUnit): Parsed<number> {
  const raw = typeof value === 'number' ? numberText(value) : value;
  if (raw === null) return { ok: false, message: `数值 ${String(value)} 无法精确识别，请写成普通数字` };
  let text = fold(raw).replace(/[,，]/g, '');
  let unit: CellUnit = columnUnit;
  const suffix = /(亿元|亿|万元|万|元)$/.exec(text);
  if (suffix) {
    unit = suffix[1].startsWith('亿') ? 'yi' : suffix[1].startsWith('万') ? 'wan' : 'yuan';
    text = text.slice(0, -suffix[1].length);
  }
  if (/^-/.test(text)) return { ok: false, message: '金额不能为负数' };
  const match = /^\+?(\d+)(?:\.(\d*))?$/.exec(text);
  const unitLabel = unit === 'yuan' ? '元' : UNIT_LABELS[unit];
  if (!match) return { ok: false, message: `“${String(value)}”不是金额（应为数字，单位${unitLabel}）` };
  const [whole, fraction = ''] = [match[1], match[2]];
  const shift = SHIFT[unit];
  // Move the decimal point `shift` places to the right (left when negative), on the digits.
  const digits = whole + fraction;
  const point = whole.length + shift;
  const integer = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const rest = point <= 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  if (/[1-9]/.test(rest)) {
    const hint = suffix && unit === 'wan' && !suffix[1].endsWith('元') ? `；如指 ${text} 亿元，请写“${text}亿元”` : '';
    return { ok: false, message: `“${String(value)}”即 ${text} ${unitLabel}，精确到了 1 万元以下：金额须为整数万元${hint}` };
  }
  const wan = integer.replace(/^0+(?=\d)/, '');
  if (wan.length > 10 || Number(wan) > MAX_WAN) return { ok: false, message: `金额过大（上限 ${MAX_WAN} 万元）` };
  return { ok: true, value: Number(wan) };
}

/** The shortest decimal text of a finite number, or null when only an exponent form exists. */
function numberText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return /e/i.test(text) ? null : text;
}
