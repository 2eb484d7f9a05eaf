import { describe, expect, it } from '@jest/globals';
import { parseDate } from './dates.js';

const text = (v: string) => parseDate({ t: 's', v });

describe('dates from a cell', () => {
  it('reads the text forms ledgers use; a month alone means its 1st', () => {
    const cases: [string, string][] = [
      ['2024-03-01', '2024-03-01'],
      ['2024-3-5', '2024-03-05'],
      ['2024/3/1', '2024-03-01'],
      ['2024.3.15', '2024-03-15'],
      ['2024年3月1日', '2024-03-01'],
      ['2024 年 3 月 8 号', '2024-03-08'],
      ['20240301', '2024-03-01'],
      ['2024.3', '2024-03-01'],
      ['2024.10', '2024-10-01'],
      ['2024-03', '2024-03-01'],
      ['2024/3', '2024-03-01'],
      ['2024年3月', '2024-03-01'],
      ['2024年3月份', '2024-03-01'],
      ['2024年2月底', '2024-02-29'],
      ['2024年6月中旬', '2024-06-11'],
    ];
    for (const [input, expected] of cases) expect([input, text(input)]).toEqual([input, { ok: true, value: expected }]);
  });

  it('reads month parts, full-width digits, and dates without a year in the sheet\'s year', () => {
    const cases: [string, string][] = [
      ['2024年3月中旬', '2024-03-11'],
      ['2024年3月下旬', '2024-03-21'],
      ['2024年3月上旬', '2024-03-01'],
      ['2024.03', '2024-03-01'],
      ['２０２４年５月', '2024-05-01'],
      ['２０２４．０５．２０', '2024-05-20'],
      ['3月底', '2024-03-31'],
      ['2月底', '2024-02-29'],
      ['6月中旬', '2024-06-11'],
      ['5月8日', '2024-05-08'],
      ['11月', '2024-11-01'],
    ];
    for (const [input, expected] of cases) expect([input, parseDate({ t: 's', v: input }, 2024)]).toEqual([input, { ok: true, value: expected }]);
    expect(parseDate({ t: 's', v: '3月底' })).toMatchObject({ ok: false, message: expect.stringContaining('没有年份') });
    expect(parseDate({ t: 's', v: '2月30日' }, 2024).ok).toBe(false);
  });

  it('reads Excel dates, serial day numbers and 2024.3 typed into a number cell', () => {
    expect(parseDate({ t: 'd', v: '2024-03-01T00:00:00.000Z' })).toEqual({ ok: true, value: '2024-03-01' });
    expect(parseDate({ t: 'n', v: 45352 })).toEqual({ ok: true, value: '2024-03-01' });
    expect(parseDate({ t: 'n', v: 2024.3 })).toEqual({ ok: true, value: '2024-03-01' });
    expect(parseDate({ t: 'n', v: 2024.12 })).toEqual({ ok: true, value: '2024-12-01' });
    expect(parseDate({ t: 'n', v: 20240301 })).toEqual({ ok: true, value: '2024-03-01' });
  });

  it('refuses 2024.1 in a number cell (January or October?) unless the cell shows two decimals', () => {
    expect(parseDate({ t: 'n', v: 2024.1 })).toMatchObject({ ok: false, message: expect.stringContaining('10 月') });
    expect(parseDate({ t: 'n', v: 2024.1, f: '0.00' })).toEqual({ ok: true, value: '2024-10-01' });
  });

  it('refuses impossible and unreadable dates', () => {
    for (const input of ['2024-02-30', '2024-13-01', '2024', '明年春天', '1999-12-31', '24-3-1'])
      expect([input, text(input).ok]).toEqual([input, false]);
    expect(parseDate({ t: 'b', v: true }).ok).toBe(false);
    expect(parseDate({ t: 'n', v: 7 }).ok).toBe(false);
  });
});
