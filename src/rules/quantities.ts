import { isQuantityKind, KIND_UNITS, type QuantityKind, type RequestKind } from '../reference/index.js';

/**
 * Quantities of 要素 in their kind's unit, exactly (docs/domain/requests.md "Kinds and units"):
 * 用地 亩 with 2 decimals, 能耗 吨标准煤 whole, 环境容量 吨/年 with 3 decimals, 资金 万元 whole.
 * The API takes a JSON number or a decimal string ("12.5"); it is stored as an integer count of
 * the unit's smallest step (12.5 亩 → 1250) and given back as a decimal string ("12.50").
 * No floating-point arithmetic touches a quantity: a number is read through its shortest
 * decimal text, which is exactly what the client wrote for any value with ≤ 15 digits.
 */

/** The largest stored count (fits a 32-bit integer column): 2,000 万亩 / 200 万吨/年. */
export const MAX_SCALED = 2_000_000_000;

export interface QuantityFailure {
  code: 'quantityNotNumber' | 'quantityNegative' | 'quantityTooFine' | 'quantityTooLarge' | 'quantityNotApplicable';
  message: string;
}

export type ParsedQuantity = { ok: true; scaled: number } | { ok: false; failure: QuantityFailure };

export function scaleOf(kind: QuantityKind): number {
  return KIND_UNITS[kind].scale;
}

/**
 * A client's quantity (number or decimal string) → the stored integer for `kind`; a failure
 * for anything else: not a plain decimal, negative, finer than the kind's scale, too large, or
 * a quantity on a kind that has none.
 */
export function parseQuantity(kind: RequestKind, input: unknown): ParsedQuantity {
  if (!isQuantityKind(kind)) return fail('quantityNotApplicable', '该类需求不填数量');
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('quantityNotNumber', '数量必须是数字');
    text = String(input);
  } else if (typeof input === 'string') text = input.trim();
  else return fail('quantityNotNumber', '数量必须是数字或十进制数字文本');
  if (/^-/.test(text)) return fail('quantityNegative', '数量不能为负数');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return fail('quantityNotNumber', `数量“${text}”不是十进制数字`);
  const scale = scaleOf(kind);
  const [, whole, fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > scale)
    return fail('quantityTooFine', scale === 0 ? '数量必须是整数' : `数量最多 ${scale} 位小数`);
  const digits = `${whole}${significant.padEnd(scale, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > String(MAX_SCALED).length || Number(digits) > MAX_SCALED) return fail('quantityTooLarge', '数量过大');
  return { ok: true, scaled: Number(digits) };
}

/** A stored count → its decimal text with the kind's full scale: 1250 亩 hundredths → "12.50". */
export function formatQuantity(kind: QuantityKind, scaled: number): string {
  const scale = scaleOf(kind);
  const sign = scaled < 0 ? '-' : '';
  const digits = String(Math.abs(scaled)).padStart(scale + 1, '0');
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function fail(code: QuantityFailure['code'], message: string): ParsedQuantity {
  return { ok: false, failure: { code, message } };
}
