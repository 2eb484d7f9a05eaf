import { describe, expect, it } from '@jest/globals';
import { formatQuantity, parseQuantity } from './quantities.js';

/** Hand-worked: 亩 with 2 decimals, 吨标准煤 whole, 吨/年 with 3 decimals, 万元 whole (docs/domain/requests.md). */
describe('quantities (rules/quantities.ts)', () => {
  it.each([
    ['land', 12.5, 1250],
    ['land', '12.5', 1250],
    ['land', '12.50', 1250],
    ['land', '12.500', 1250], // trailing zeros are not finer than the scale
    ['land', 6200, 620000],
    ['land', '0.01', 1],
    ['land', 0, 0],
    ['energy', 3000, 3000],
    ['energy', '3000.0', 3000],
    ['environment', 1.234, 1234],
    ['environment', '0.005', 5],
    ['environment', '18', 18000],
    ['funding', 50000, 50000],
    ['funding', ' 800 ', 800],
  ] as const)('%s %p → %d', (kind, input, scaled) => {
    expect(parseQuantity(kind, input)).toEqual({ ok: true, scaled });
  });

  it.each([
    ['land', 12.345, 'quantityTooFine'],
    ['land', '0.001', 'quantityTooFine'],
    ['energy', 0.5, 'quantityTooFine'],
    ['funding', '100.1', 'quantityTooFine'],
    ['environment', '1.2345', 'quantityTooFine'],
    ['land', -1, 'quantityNegative'],
    ['land', '-0.5', 'quantityNegative'],
    ['land', '1e3', 'quantityNotNumber'],
    ['land', 1e21, 'quantityNotNumber'], // String(1e21) is "1e+21"
    ['land', '12,5', 'quantityNotNumber'],
    ['land', '', 'quantityNotNumber'],
    ['land', '.5', 'quantityNotNumber'],
    ['land', true, 'quantityNotNumber'],
    ['land', null, 'quantityNotNumber'],
    ['land', Number.NaN, 'quantityNotNumber'],
    ['land', Number.POSITIVE_INFINITY, 'quantityNotNumber'],
    ['funding', 2_000_000_001, 'quantityTooLarge'],
    ['land', '99999999999999999999', 'quantityTooLarge'],
    ['approval', 1, 'quantityNotApplicable'],
    ['utilities', '5', 'quantityNotApplicable'],
    ['other', 0, 'quantityNotApplicable'],
  ] as const)('%s %p is refused: %s', (kind, input, code) => {
    const parsed = parseQuantity(kind, input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.failure.code).toBe(code);
      expect(parsed.failure.message.trim()).not.toBe('');
    }
  });

  it('the largest count is accepted', () => {
    expect(parseQuantity('funding', 2_000_000_000)).toEqual({ ok: true, scaled: 2_000_000_000 });
  });

  it.each([
    ['land', 1250, '12.50'],
    ['land', 1, '0.01'],
    ['land', 0, '0.00'],
    ['land', 555100, '5551.00'],
    ['energy', 3000, '3000'],
    ['environment', 5, '0.005'],
    ['environment', 18000, '18.000'],
    ['funding', 0, '0'],
  ] as const)('formats %s %d as %s', (kind, scaled, text) => {
    expect(formatQuantity(kind, scaled)).toBe(text);
    expect(parseQuantity(kind, text)).toEqual({ ok: true, scaled });
  });
});
