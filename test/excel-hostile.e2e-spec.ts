import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { minimalXlsx, sheetDataXml, workbook, type ZipEntry } from './factories/workbooks.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Hostile files: each is refused with a clear 4xx in the contract's error shape, within
 * seconds, before the spreadsheet parser can be made to use unbounded memory, and nothing is
 * imported. Files that only look expensive to exceljs (whole-sheet drop-downs, whole-sheet
 * defined names) are read normally and quickly.
 */
const LEDGER_HEADER = ['序号', '项目编码', '项目名称', '县（市、区）', '总投资（万元）'];
const LEDGER_ROW = [1, 'H-001', '恶意文件测试项目', '东昌府区', 1000];
const SHEET_OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

describe('hostile files', () => {
  let t: TestApp;
  let before: Awaited<ReturnType<typeof databaseState>>;
  beforeAll(async () => {
    t = await startTestApp();
    before = await databaseState(t.dataSource);
  });
  afterAll(() => t.close());

  /** Sends the file (as a commit, the worst case) and checks status, error code, time, and that nothing changed. */
  async function refused(buffer: Buffer, status: number, code: string, route = '/api/imports/ledger?commit=true') {
    const started = Date.now();
    const res = await t.client.post(route).attach('file', buffer, 'hostile.xlsx');
    const elapsed = Date.now() - started;
    expect({ status: res.status, code: res.body.details?.[0]?.code }).toEqual({ status, code });
    expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
    expect(res.headers['content-type']).toContain('application/json');
    expect(elapsed).toBeLessThan(5000);
    expect(await databaseState(t.dataSource)).toEqual(before);
    return res;
  }

  it('not a zip at all → 400', async () => {
    await refused(Buffer.from('项目名称,总投资\n示例,100\n'), 400, 'notXlsx');
  });

  it('a legacy .xls (or password-protected) compound file → 400 saying to save as .xlsx', async () => {
    const res = await refused(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]), 400, 'legacyOrEncrypted');
    expect(res.body.message).toContain('.xlsx');
  });

  it('a truncated zip → 400', async () => {
    const good = await workbook({ rows: [LEDGER_HEADER, LEDGER_ROW] });
    await refused(good.subarray(0, good.length - 40), 400, 'corruptZip');
  });

  it('a zip whose compressed data is damaged → 400', async () => {
    const damaged = minimalXlsx([LEDGER_HEADER, LEDGER_ROW]);
    // The first entry's data starts after its 30-byte header and its name ([Content_Types].xml).
    const start = 30 + '[Content_Types].xml'.length;
    for (let i = 0; i < 16; i++) damaged[start + i] = 0xff;
    await refused(damaged, 400, 'corruptZip');
  });

  it('a zip bomb (60 MB of XML in a few kB) → 413 from the declared sizes, before parsing', async () => {
    const bomb = minimalXlsx([], { sheetXml: `${SHEET_OPEN}<sheetData>${' '.repeat(60 * 1024 * 1024)}</sheetData></worksheet>` });
    expect(bomb.length).toBeLessThan(200 * 1024);
    await refused(bomb, 413, 'uncompressedTooLarge');
  });

  it('a zip bomb that lies about its sizes → 413 when inflating passes the declared size', async () => {
    const entries: ZipEntry[] = [{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(60 * 1024 * 1024, 0x41), declaredSize: 1024 }];
    await refused(minimalXlsx([LEDGER_HEADER, LEDGER_ROW], { extraEntries: entries }), 413, 'uncompressedTooLarge');
  });

  it('a zip of thousands of entries → 413', async () => {
    const entries: ZipEntry[] = Array.from({ length: 2000 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: 'x', method: 0 }));
    await refused(minimalXlsx([LEDGER_HEADER, LEDGER_ROW], { extraEntries: entries }), 413, 'tooManyEntries');
  });

  it('half a million cells in a small file → 422 before parsing', async () => {
    const cells = '<c r="A1"><v>1</v></c>'.repeat(500_000);
    await refused(minimalXlsx([], { sheetXml: `${SHEET_OPEN}<sheetData><row r="1">${cells}</row></sheetData></worksheet>` }), 422, 'sheetTooLarge');
  });

  it('one merged range over the whole sheet (17 billion cells) → 422 before parsing', async () => {
    const sheetXml = `${SHEET_OPEN}${sheetDataXml([LEDGER_HEADER, LEDGER_ROW])}<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells></worksheet>`;
    await refused(minimalXlsx([], { sheetXml }), 422, 'sheetTooLarge');
  });

  it('more than 5,000 data rows → 422', async () => {
    const rows = [LEDGER_HEADER, ...Array.from({ length: 5001 }, (_, i) => [i + 1, `R-${i}`, `项目${i}`, '东昌府区', 100])];
    await refused(minimalXlsx(rows), 422, 'tooManyRows');
  });

  it('more than 50 columns → 422', async () => {
    const header = [...LEDGER_HEADER, ...Array.from({ length: 50 }, (_, i) => `备注${i}`)];
    await refused(minimalXlsx([header, LEDGER_ROW]), 422, 'tooManyColumns');
  });

  it('an empty sheet → 422', async () => {
    await refused(await workbook({ rows: [] }), 422, 'emptySheet');
  });

  it('a sheet without a recognisable header → 422', async () => {
    await refused(await workbook({ rows: [['会议纪要'], ['今天讨论了项目进度']] }), 422, 'headerNotFound');
  });

  it('an upload over 5 MB → 413', async () => {
    await refused(randomBytes(5 * 1024 * 1024 + 1), 413, 'fileTooLarge');
  });

  it('no file, or the file in another field → 400', async () => {
    const none = await t.client.post('/api/imports/ledger').field('name', 'x');
    expect([none.status, none.body.details[0].code]).toEqual([400, 'fileRequired']);
    const other = await t.client.post('/api/imports/ledger').attach('upload', minimalXlsx([LEDGER_HEADER, LEDGER_ROW]), 'a.xlsx');
    expect([other.status, other.body.details[0].code]).toEqual([400, 'badUpload']);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('formulas are refused cell by cell: the row is named and nothing is imported', async () => {
    const buffer = await workbook({ rows: [LEDGER_HEADER, LEDGER_ROW, [2, 'H-002', '公式行', '东昌府区', { formula: 'E2*2', result: 2000 }]] });
    const res = await t.client.post('/api/imports/ledger?commit=true').attach('file', buffer, 'formula.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ committed: false, errors: [{ row: 3, column: '总投资（万元）', message: expect.stringContaining('公式') }] });
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('the month-sheet import has the same guards', async () => {
    await refused(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200)]), 400, 'corruptZip', '/api/imports/reports/2024-05?commit=true');
    await refused(await workbook({ rows: [] }), 422, 'emptySheet', '/api/imports/reports/2024-05?commit=true');
  });

  it('drop-downs and names covering the whole sheet (cheap in Excel, a million objects in exceljs) are read quickly', async () => {
    const validations = Array.from({ length: 50 }, (_, i) => `<dataValidation type="list" allowBlank="1" sqref="A${i + 3}:XFD1048576"><formula1>"a,b"</formula1></dataValidation>`).join('');
    const sheetXml = `${SHEET_OPEN}${sheetDataXml([LEDGER_HEADER, LEDGER_ROW])}<dataValidations count="50">${validations}</dataValidations></worksheet>`;
    const workbookXml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="everything">Sheet1!$A$1:$XFD$1048576</definedName></definedNames></workbook>';
    const file = minimalXlsx([], { sheetXml, workbookXml });
    const started = Date.now();
    const res = await t.client.post('/api/imports/ledger').attach('file', file, 'dropdowns.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 1, created: 1, errors: [] });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
