import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MAX_WAN } from '../../common/index.js';
import { parseWan } from './money.js';

describe('money from a cell (万元 / 亿元, exact)', () => {
  it('reads 万元 and 亿元 text and numbers as integer 万元', () => {
    expect(parseWan('120000', 'wan')).toEqual({ ok: true, value: 120000 });
    expect(parseWan('1,200', 'wan')).toEqual({ ok: true, value: 1200 });
    expect(parseWan('12000.00', 'wan')).toEqual({ ok: true, value: 12000 });
    expect(parseWan(12.3456, 'yi')).toEqual({ ok: true, value: 123456 });
    expect(parseWan('0.0001', 'yi')).toEqual({ ok: true, value: 1 });
    expect(parseWan('1.5', 'yi')).toEqual({ ok: true, value: 15000 });
    expect(parseWan(0.3, 'yi')).toEqual({ ok: true, value: 3000 });
  });

  it('takes a unit written in the cell over the column’s, literally: 亿/亿元, 万/万元, 元', () => {
    expect(parseWan('1.5亿元', 'wan')).toEqual({ ok: true, value: 15000 });
    expect(parseWan('12.5亿元', 'wan')).toEqual({ ok: true, value: 125000 });
    expect(parseWan('300万', 'yi')).toEqual({ ok: true, value: 300 });
    expect(parseWan('1,200万元', 'yi')).toEqual({ ok: true, value: 1200 });
    expect(parseWan('5000000元', 'wan')).toEqual({ ok: true, value: 500 });
    expect(parseWan('0元', 'wan')).toEqual({ ok: true, value: 0 });
  });

  it('reads separators and full-width text as written', () => {
    expect(parseWan('3,000', 'wan')).toEqual({ ok: true, value: 3000 });
    expect(parseWan('3，000', 'wan')).toEqual({ ok: true, value: 3000 });
    expect(parseWan('１２．５亿元', 'wan')).toEqual({ ok: true, value: 125000 });
    expect(parseWan(' 8 000 ', 'wan')).toEqual({ ok: true, value: 8000 });
  });

  it('reads 1.2万 as 1.2 万元 (refused, finer than 1 万元), naming the other reading', () => {
    const result = parseWan('1.2万', 'wan');
    expect(result.ok).toBe(false);
    expect((result as { message: string }).message).toContain('1.2 万元');
    expect((result as { message: string }).message).toContain('1.2亿元');
    expect(parseWan('12345元', 'wan').ok).toBe(false);
  });

  it('refuses anything finer than 1 万元, negatives, exponents and words, never rounding', () => {
    for (const [value, unit] of [['12.5', 'wan'], ['1.23456', 'yi'], [0.1 + 0.2, 'yi'], ['-5', 'wan'], [-1, 'yi'], [1e21, 'wan'], ['约100', 'wan'], ['', 'wan']] as const)
      expect(parseWan(value, unit).ok).toBe(false);
    expect(parseWan(String(MAX_WAN + 1), 'wan').ok).toBe(false);
  });

  it('round-trips every integer 万元 written as 亿元 with four decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_WAN }), (wan) => {
        const yi = `${Math.floor(wan / 10000)}.${String(wan % 10000).padStart(4, '0')}`;
        expect(parseWan(yi, 'yi')).toEqual({ ok: true, value: wan });
        expect(parseWan(Number(yi), 'yi')).toEqual({ ok: true, value: wan });
        expect(parseWan(wan, 'wan')).toEqual({ ok: true, value: wan });
      }),
    );
  });
});
