import ExcelJS from 'exceljs';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Workbooks for the Excel tests, built in the tests: real ones with exceljs in the layouts
 * offices use, and hand-made zips for the hostile cases (lying headers, bombs), plus a tiny
 * synchronous .xlsx writer for places that cannot await (the authorization matrix).
 */
export type CellInput = string | number | Date | boolean | null | { formula: string; result?: number | string };

export interface SheetLayout {
  name?: string;
  /** Row 1 first. */
  rows: CellInput[][];
  /** Ranges to merge, e.g. 'A1:M1'. */
  merges?: string[];
  /** Number formats by cell address (e.g. { J5: '0.00' }). */
  numFmts?: Record<string, string>;
  /** Drop-down lists over ranges (a whole column in office files). */
  lists?: { range: string; values: string[] }[];
  hidden?: boolean;
}

export async function workbook(...sheets: SheetLayout[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [index, layout] of sheets.entries()) {
    const sheet = book.addWorksheet(layout.name ?? `Sheet${index + 1}`, { state: layout.hidden ? 'hidden' : 'visible' });
    layout.rows.forEach((values, r) =>
      values.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      }),
    );
    for (const range of layout.merges ?? []) sheet.mergeCells(range);
    for (const [address, format] of Object.entries(layout.numFmts ?? {})) sheet.getCell(address).numFmt = format;
    for (const list of layout.lists ?? [])
      (sheet as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add(list.range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.values.join(',')}"`],
      });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The sheets of an .xlsx as exceljs reads them. */
export async function readBook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

// ---------------------------------------------------------------------------------------------
// Money and dates written the ways offices write them; the test keeps the exact value.

/** 123456 万元 → "12.3456" (亿元, exact, trailing zeros dropped). */
export function yiText(wan: number): string {
  const whole = Math.floor(wan / 10000);
  const fraction = String(wan % 10000).padStart(4, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

export type DateStyle = 'excel' | 'iso' | 'slash' | 'dotMonth' | 'cnMonth' | 'cnDay' | 'numberMonth' | 'serial' | 'compact';

/** `2024-03-01` written in one of the forms a ledger uses (month-only forms need the 1st). */
export function dateCell(iso: string, style: DateStyle): CellInput {
  const [y, m, d] = iso.split('-').map(Number);
  const monthOnly = style === 'dotMonth' || style === 'cnMonth' || style === 'numberMonth';
  if (monthOnly && d !== 1) throw new Error(`${style} writes a month: ${iso} is not the 1st`);
  switch (style) {
    case 'excel':
      return new Date(`${iso}T00:00:00.000Z`);
    case 'iso':
      return iso;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'dotMonth':
      return `${y}.${m}`;
    case 'cnMonth':
      return `${y}年${m}月`;
    case 'cnDay':
      return `${y}年${m}月${d}日`;
    case 'numberMonth':
      if (m === 10) throw new Error('2024.10 as a number is 2024.1: use a text style for October');
      return Number(`${y}.${String(m).padStart(2, '0')}`);
    case 'serial':
      return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
    case 'compact':
      return `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Hand-made zips.

export interface ZipEntry {
  name: string;
  data: Buffer | string;
  /** 8 deflate (default), 0 stored. */
  method?: 0 | 8;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
}

/** A zip file (PKZIP 2.0, no data descriptors) from entries, optionally with lying sizes. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const method = entry.method ?? 8;
    const stored = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnLetters(n: number): string {
  let letters = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

/** The <sheetData> of rows of text and numbers (inline strings). */
export function sheetDataXml(rows: (string | number | null)[][]): string {
  const body = rows
    .map((cells, r) => {
      const xml = cells
        .map((value, c) => {
          if (value === null) return '';
          const ref = `${columnLetters(c + 1)}${r + 1}`;
          return typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return `<sheetData>${body}</sheetData>`;
}

/**
 * The smallest .xlsx exceljs reads: one sheet whose XML is `sheetXml` (default: the rows as
 * inline strings). Synchronous, for the authorization matrix and for hostile sheet contents.
 */
export function minimalXlsx(
  rows: (string | number | null)[][],
  options: { sheetXml?: string; workbookXml?: string; extraEntries?: ZipEntry[] } = {},
): Buffer {
  const sheet =
    options.sheetXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheetDataXml(rows)}</worksheet>`;
  return zip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data:
        options.workbookXml ??
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ...(options.extraEntries ?? []),
  ]);
}
