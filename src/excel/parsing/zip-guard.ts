import { inflateRawSync } from 'node:zlib';
import { ApiError, badRequest } from '../../common/index.js';
import { EXCEL_LIMITS } from '../limits.js';

/**
 * Checks an uploaded .xlsx (a zip) BEFORE any spreadsheet library sees it: the central
 * directory is read by hand, its declared entry count and uncompressed sizes are capped,
 * and every entry is then inflated with a hard output cap, so a zip bomb whose headers lie
 * about its sizes is caught too. The worksheets' XML is scanned for the number of cells,
 * rows and merged cells, which decide how much memory parsing them would take.
 *
 * Refusals: not a zip / corrupt / encrypted / zip64 → 400; too large uncompressed or too
 * many entries → 413; too many cells → 422.
 */
export interface ZipCheck {
  entries: number;
  uncompressedBytes: number;
  /** Worksheet parts (xl/worksheets/sheetN.xml) and what they hold. */
  sheets: { name: string; cells: number; rows: number; mergedCells: number }[];
}

type Limits = Pick<typeof EXCEL_LIMITS, 'zipEntries' | 'uncompressedBytes' | 'sheetCells' | 'sheetRows' | 'mergedCells'>;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
/** OLE compound file: legacy .xls, or an .xlsx encrypted with a password. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The same pattern exceljs uses to pick worksheet parts (it is not anchored). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

const notZip = (message: string, code = 'notXlsx') => badRequest(message, [{ field: 'file', code, message }]);
const corrupt = (why: string) => notZip(`文件已损坏，无法读取（${why}）`, 'corruptZip');
const tooLarge = (message: string, code: string) => new ApiError(413, message, [{ field: 'file', code, message }]);

export function checkXlsxZip(buffer: Buffer, limits: Limits = EXCEL_LIMITS): ZipCheck {
  if (buffer.length >= 8 && buffer.subarray(0, 8).equals(OLE_SIGNATURE))
    throw notZip('这是旧版 .xls 文件或加密的工作簿：请在 Excel 中另存为 .xlsx（不设密码）后再导入', 'legacyOrEncrypted');
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== LOCAL_HEADER) throw notZip('上传的文件不是 Excel .xlsx 工作簿');

  const signature = Buffer.alloc(4);
  signature.writeUInt32LE(END_OF_CENTRAL_DIRECTORY);
  const eocd = buffer.lastIndexOf(signature);
  if (eocd < 0 || eocd + 22 > buffer.length) throw corrupt('找不到中央目录');
  if (eocd >= 20 && buffer.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) throw corrupt('不支持 ZIP64');
  const disk = buffer.readUInt16LE(eocd + 4);
  const cdDisk = buffer.readUInt16LE(eocd + 6);
  const entriesOnDisk = buffer.readUInt16LE(eocd + 8);
  const entries = buffer.readUInt16LE(eocd + 10);
  const cdSize = buffer.readUInt32LE(eocd + 12);
  const cdOffset = buffer.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entries) throw corrupt('分卷压缩文件');
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw corrupt('不支持 ZIP64');
  if (entries > limits.zipEntries)
    throw tooLarge(`压缩包内文件过多（${entries} 个，上限 ${limits.zipEntries}）`, 'tooManyEntries');
  // The directory must sit exactly before its end record: no prepended or hidden data, so every
  // zip reader finds the same entries this check saw.
  if (cdOffset + cdSize !== eocd) throw corrupt('中央目录位置不符');

  const check: ZipCheck = { entries, uncompressedBytes: 0, sheets: [] };
  const names = new Set<string>();
  let declaredTotal = 0;
  let cells = 0;
  let rows = 0;
  let merged = 0;
  let at = cdOffset;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > eocd || buffer.readUInt32LE(at) !== CENTRAL_HEADER) throw corrupt('中央目录条目无效');
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const uncompressedSize = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > eocd) throw corrupt('中央目录条目越界');
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    at = next;

    if (flags & 0x1) throw notZip('工作簿已加密：请取消密码后再导入', 'encrypted');
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) throw corrupt('不支持 ZIP64');
    if (method !== 0 && method !== 8) throw corrupt(`不支持的压缩方式 ${method}`);
    declaredTotal += uncompressedSize;
    if (declaredTotal > limits.uncompressedBytes)
      throw tooLarge(`解压后内容过大（超过 ${limits.uncompressedBytes / 1024 / 1024} MB）：疑似压缩炸弹`, 'uncompressedTooLarge');
    names.add(name.replace(/^\//, ''));
    if (name.endsWith('/')) continue;

    // The data: after the local header, whose name and extra field lengths may differ from the directory's.
    if (localOffset + 30 > cdOffset || buffer.readUInt32LE(localOffset) !== LOCAL_HEADER) throw corrupt('本地文件头无效');
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > cdOffset) throw corrupt('数据越界');
    const data = buffer.subarray(dataStart, dataStart + compressedSize);
    let content: Buffer;
    if (method === 0) {
      if (compressedSize !== uncompressedSize) throw corrupt('存储条目大小不符');
      content = data;
    } else {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, uncompressedSize) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
          throw tooLarge('压缩包内容的实际大小超过其声明的大小：疑似压缩炸弹', 'uncompressedTooLarge');
        throw corrupt('数据无法解压');
      }
      if (content.length !== uncompressedSize) throw corrupt('解压大小与声明不符');
    }
    check.uncompressedBytes += content.length;

    if (WORKSHEET_PART.test(name)) {
      const sheet = scanWorksheet(name, content);
      check.sheets.push(sheet);
      cells += sheet.cells;
      rows += sheet.rows;
      merged += sheet.mergedCells;
      if (cells > limits.sheetCells || rows > limits.sheetRows || merged > limits.mergedCells)
        throw sheetTooLarge(cells > limits.sheetCells ? `单元格过多（超过 ${limits.sheetCells} 个）` : rows > limits.sheetRows ? `行数过多（超过 ${limits.sheetRows} 行）` : `合并单元格范围过大（超过 ${limits.mergedCells} 个单元格）`);
    }
  }
  if (!names.has('xl/workbook.xml') || !names.has('[Content_Types].xml'))
    throw notZip('压缩包不是 Excel 工作簿（缺少 xl/workbook.xml）', 'notWorkbook');
  return check;
}

function sheetTooLarge(why: string): ApiError {
  const message = `工作表过大：${why}`;
  return new ApiError(422, message, [{ field: 'file', code: 'sheetTooLarge', message }]);
}

/** Counts cells, rows and merged cells in a worksheet's XML (tags may carry a namespace prefix). */
export function scanWorksheet(name: string, xml: Buffer): ZipCheck['sheets'][number] {
  const text = xml.toString('latin1');
  const count = (pattern: RegExp) => {
    let n = 0;
    pattern.lastIndex = 0;
    while (pattern.exec(text)) n++;
    return n;
  };
  let mergedCells = 0;
  const merge = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?["']/g;
  for (let m = merge.exec(text); m; m = merge.exec(text)) {
    const [c1, r1] = [columnNumber(m[1]), Number(m[2])];
    const [c2, r2] = m[3] ? [columnNumber(m[3]), Number(m[4])] : [c1, r1];
    mergedCells += (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
  }
  return {
    name,
    cells: count(/<(?:[\w.-]+:)?c[\s>/]/g),
    rows: count(/<(?:[\w.-]+:)?row[\s>/]/g),
    mergedCells,
  };
}

/** A → 1, Z → 26, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
