import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readWorkbook } from './workbook-reader.js';

describe('reading a workbook', () => {
  it('hears from the parsing worker how many rows it has read', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台账');
    for (let r = 1; r <= 450; r++) sheet.addRow([r, `项目${r}`]);
    const seen: [number, number][] = [];
    const sheets = await readWorkbook(Buffer.from(await book.xlsx.writeBuffer()), (done, total) => seen.push([done, total]));
    expect(sheets[0].rows).toHaveLength(450);
    expect(seen).toEqual([
      [0, 450],
      [200, 450],
      [400, 450],
    ]);
  });
});
