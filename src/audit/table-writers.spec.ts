import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { csvLine, csvWriter, neutralise } from './table-writers.js';

describe('export cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 635', "'+86 635"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['项目=1', '项目=1'],
    ['', ''],
  ])('neutralises a formula-looking text %j', (input, output) => {
    expect(neutralise(input)).toBe(output);
  });

  it('writes RFC 4180 lines: quotes doubled, fields with commas or newlines quoted, numbers as they are', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', 12, null, '=1+1'])).toBe('a,"b,c","say ""hi""","two\nlines",12,,\'=1+1\r\n');
  });

  it('starts a CSV file with the UTF-8 byte-order mark', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = csvWriter(out);
    await writer.row(['审计']);
    await writer.close();
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('审计\r\n');
  });
});
