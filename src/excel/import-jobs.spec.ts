import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { badRequest } from '../common/index.js';
import { ImportJobs } from './import-jobs.service.js';
import type { ImportProgress } from './import-progress.js';
import type { ImportResult } from './import-result.js';
import { readWorkbook } from './parsing/workbook-reader.js';

/** A promise and the function that settles it: each step of a fake import waits for the test. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));
const RESULT = { rows: 3, created: 3 } as ImportResult;

describe('import jobs', () => {
  it('shows the phase and the rows done as the import reports them, then the result', async () => {
    const jobs = new ImportJobs();
    const [parsed, validated] = [gate(), gate()];
    const { jobId } = jobs.start('admin', async (progress: ImportProgress) => {
      progress('parsing', 200, 1000);
      await parsed.opened;
      progress('validating', 2, 3);
      await validated.opened;
      progress('validating', 3, 3);
      return RESULT;
    });
    expect(jobs.view(jobId, 'admin')).toEqual({ id: jobId, phase: 'parsing', done: 0, total: 0 });
    await settle();
    expect(jobs.view(jobId, 'admin')).toMatchObject({ phase: 'parsing', done: 200, total: 1000 });
    parsed.open();
    await settle();
    expect(jobs.view(jobId, 'admin')).toMatchObject({ phase: 'validating', done: 2, total: 3 });
    validated.open();
    await settle();
    expect(jobs.view(jobId, 'admin')).toEqual({ id: jobId, phase: 'done', done: 3, total: 3, result: RESULT });
  });

  it('reports a refusal in the API error shape, shows a job only to who started it, and limits running jobs per user', async () => {
    const jobs = new ImportJobs();
    const { jobId } = jobs.start('region-a', () => Promise.reject(badRequest('上传的文件不是 Excel .xlsx 工作簿', [{ field: 'file', code: 'notXlsx', message: '不是 .xlsx' }])));
    await settle();
    await settle();
    expect(jobs.view(jobId, 'region-a')).toMatchObject({ phase: 'failed', error: { statusCode: 400, message: '上传的文件不是 Excel .xlsx 工作簿', details: [{ code: 'notXlsx' }] } });
    expect(() => jobs.view(jobId, 'region-b')).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => jobs.view('no-such-job', 'region-a')).toThrow(expect.objectContaining({ status: 404 }));

    const never = gate();
    jobs.start('admin', () => never.opened.then(() => RESULT));
    jobs.start('admin', () => never.opened.then(() => RESULT));
    expect(() => jobs.start('admin', () => Promise.resolve(RESULT))).toThrow(expect.objectContaining({ status: 429 }));
    expect(() => jobs.start('region-a', () => Promise.resolve(RESULT))).not.toThrow();
    never.open();
  });

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
