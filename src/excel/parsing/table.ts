import { ApiError } from '../../common/index.js';
import type { SkipKind } from '../import-codes.js';
import { EXCEL_LIMITS } from '../limits.js';
import { fold, isBlank, labelText } from './cells.js';
import type { MoneyUnit } from './money.js';
import type { CellData, GridCell, SheetGrid } from './workbook-reader.js';

/**
 * Finds the tables in a workbook as offices lay them out: possibly several sheets (实施类 /
 * 准备类 / 储备), each with title rows first (聊城市2024年…台账, 单位：万元), then a header row,
 * possibly two when cells are merged or the units sit under the header (总投资 over 万元 /
 * 亿元, or 开工时间 over 计划 / 实际, with 序号 and 项目名称 merged down both rows), then the
 * data, possibly with section rows (一、实施类项目), total rows (合计, 小计), blank rows,
 * cells merged down over a group of rows (县（市、区）, 产业链), and notes below (填报说明：…)
 * (docs/excel-import.md "Where the table is").
 */
export interface HeaderColumn<K extends string> {
  col: number;
  /** The header as written (two header rows joined: 总投资（亿元）). */
  label: string;
  /** The label as mappings key it (normaliseLabel). */
  normalised: string;
  key: K | null;
  /** For money columns: the unit in the header, else the title's 单位：…, else null. */
  unit: MoneyUnit | null | 'ambiguous';
}

export interface DataRow {
  /** The row number Excel shows. */
  row: number;
  cells: Map<number, GridCell>;
  /** The section the row sits under (text of the last section row above it), if any. */
  section: string | null;
}

/** A row below a header that is not data, or a sheet that holds no table, as the result reports it. */
export interface SkippedRow {
  /** null: the whole sheet. */
  row: number | null;
  sheet: string;
  kind: SkipKind;
  reason: string;
}

export interface Table<K extends string> {
  sheet: string;
  /** Position of the sheet in the workbook, from 1. */
  sheetIndex: number;
  headerRow: number;
  /** Text of the rows above the header (title, unit line). */
  title: string;
  /** The year the sheet's name or else its title names (for dates written without one: 3月底). */
  year: number | undefined;
  columns: HeaderColumn<K>[];
  byKey: Map<K, HeaderColumn<K>>;
  rows: DataRow[];
  skipped: SkippedRow[];
}

export interface TableSpec<K extends string> {
  /** The key a normalised header label stands for, or null. */
  recognise(label: string): K | null;
  /** The table's header must have one of these. */
  anchors: K[];
  /** What a missing header should tell the user to look for. */
  expected: string;
}

export interface LocatedTables<K extends string> {
  tables: Table<K>[];
  /**
   * Sheets with no header the spec recognises but a row that looks like one (three or more
   * text cells), read as a table whose columns are unknown: what a column mapping is proposed for.
   */
  unrecognised: Table<K>[];
  /** Sheets not read, and the rows below each header that are not data. */
  skipped: SkippedRow[];
}

export function normaliseLabel(label: string): string {
  return fold(label)
    .replace(/[【［[]/g, '(')
    .replace(/[】］\]]/g, ')')
    .replace(/[*※:]/g, '');
}

export function unitOf(text: string): MoneyUnit | null | 'ambiguous' {
  const yi = /亿/.test(text);
  const wan = /万/.test(text);
  if (yi && wan) return 'ambiguous';
  return yi ? 'yi' : wan ? 'wan' : null;
}

/** The year in a sheet name or title such as 聊城市2024年制造业重点项目台账. */
export function yearIn(text: string): number | undefined {
  const folded = fold(text);
  const match = /(20\d{2})年/.exec(folded) ?? /(20\d{2})/.exec(folded);
  return match ? Number(match[1]) : undefined;
}

const refuse = (code: string, message: string) => new ApiError(422, message, [{ field: 'file', code, message }]);

/**
 * Every sheet's table. Visible sheets are read; hidden ones (often the lists behind drop-downs)
 * only when no visible sheet holds a table. Refused as a whole (422) when the workbook is empty,
 * or when no sheet has a header row at all.
 */
export function locateTables<K extends string>(sheets: SheetGrid[], spec: TableSpec<K>): LocatedTables<K> {
  if (sheets.every((sheet) => sheet.rows.length === 0)) throw refuse('emptySheet', '工作簿是空的：没有任何单元格有内容');
  const indexed = sheets.map((sheet, index) => ({ sheet, index: index + 1 }));
  const visible = locateIn(indexed.filter(({ sheet }) => !sheet.hidden), spec);
  const hidden = indexed.filter(({ sheet }) => sheet.hidden);
  const hiddenSkipped: SkippedRow[] = hidden.filter(({ sheet }) => sheet.rows.length).map(({ sheet }) => ({ row: null, sheet: sheet.name, kind: 'sheet', reason: '隐藏的工作表，未读取' }));
  let located = { ...visible, skipped: [...visible.skipped, ...hiddenSkipped] };
  if (visible.tables.length === 0 && visible.unrecognised.length === 0 && hidden.length) located = locateIn(hidden, spec);
  if (located.tables.length === 0 && located.unrecognised.length === 0) {
    const empty = located.skipped.find((skip) => skip.kind === 'sheet' && skip.reason.startsWith('表头下'));
    if (empty) throw refuse('noDataRows', `工作表“${empty.sheet}”${empty.reason}`);
    throw refuse('headerNotFound', `找不到表头：前 ${EXCEL_LIMITS.headerSearchRows} 行中没有包含${spec.expected}的行`);
  }
  return located;
}

function locateIn<K extends string>(sheets: { sheet: SheetGrid; index: number }[], spec: TableSpec<K>): LocatedTables<K> {
  const located: LocatedTables<K> = { tables: [], unrecognised: [], skipped: [] };
  let dataRows = 0;
  for (const { sheet, index } of sheets) {
    if (sheet.rows.length === 0) continue;
    const recognised = headerRowOf(sheet, spec);
    const headerRow = recognised ?? candidateHeaderRow(sheet);
    if (headerRow === undefined) {
      located.skipped.push({ row: null, sheet: sheet.name, kind: 'sheet', reason: `前 ${EXCEL_LIMITS.headerSearchRows} 行中没有表头，未读取` });
      continue;
    }
    // Only a sheet that is read is held to the column limit (a hidden list may be wide).
    // A loop, not Math.max(...cells): a sheet may hold hundreds of thousands of cells.
    let maxColumn = 0;
    for (const [, cells] of sheet.rows) for (const [col] of cells) if (col > maxColumn) maxColumn = col;
    if (maxColumn > EXCEL_LIMITS.columns) throw refuse('tooManyColumns', `列数过多：工作表“${sheet.name}”第 ${maxColumn} 列有内容，上限 ${EXCEL_LIMITS.columns} 列`);
    const table = tableAt(sheet, index, headerRow, spec);
    dataRows += table.rows.length;
    if (dataRows > EXCEL_LIMITS.dataRows) throw refuse('tooManyRows', `数据行过多：超过 ${EXCEL_LIMITS.dataRows} 行（工作表“${sheet.name}”）`);
    if (table.rows.length === 0) {
      located.skipped.push({ row: null, sheet: sheet.name, kind: 'sheet', reason: `表头下（第 ${table.headerRow} 行以下）没有数据行` });
      continue;
    }
    if (recognised === undefined) located.unrecognised.push(table);
    else {
      located.tables.push(table);
      located.skipped.push(...table.skipped);
    }
  }
  return located;
}

function keysOf<K extends string>(cells: GridCell[], spec: TableSpec<K>): (K | null)[] {
  return cells.map(([, data]) => spec.recognise(normaliseLabel(labelText(data))));
}

/** The first row (of the first 20) with an anchor column and at least two columns the spec knows. */
function headerRowOf<K extends string>(sheet: SheetGrid, spec: TableSpec<K>): number | undefined {
  const found = sheet.rows.slice(0, EXCEL_LIMITS.headerSearchRows).find(([, cells]) => {
    const keys = keysOf(cells, spec);
    return keys.some((key) => key !== null && spec.anchors.includes(key)) && new Set(keys.filter((k) => k !== null)).size >= 2;
  });
  return found?.[0];
}

/** A row that looks like a header the spec does not know: three or more distinct text cells, followed by a row. */
function candidateHeaderRow(sheet: SheetGrid): number | undefined {
  const rows = sheet.rows.slice(0, EXCEL_LIMITS.headerSearchRows);
  const found = rows.find(([, cells], i) => {
    const texts = new Set(cells.filter(([, data]) => data.t === 's' && data.v.trim() !== '' && !/^\d+([.,]\d+)?$/.test(data.v.trim())).map((cell) => identity(cell)));
    return texts.size >= 3 && i + 1 < sheet.rows.length;
  });
  return found?.[0];
}

/** The merged range a cell belongs to (its master), or the cell itself. */
function identity(cell: GridCell): string {
  return cell[2] ? `m${cell[2][0]}:${cell[2][1]}` : `c${cell[0]}`;
}

function tableAt<K extends string>(sheet: SheetGrid, sheetIndex: number, headerRow: number, spec: TableSpec<K>): Table<K> {
  const rows = new Map(sheet.rows.map(([row, cells]) => [row, new Map(cells.map((cell) => [cell[0], cell]))]));
  const top = rows.get(headerRow)!;
  const next = rows.get(headerRow + 1);
  const twoRows = next !== undefined && isSubHeader(top, next, headerRow, spec);
  const lastHeaderRow = twoRows ? headerRow + 1 : headerRow;

  const title = sheet.rows
    .filter(([row]) => row < headerRow)
    .map(([, cells]) => [...new Set(cells.map(([, data]) => labelText(data)))].join(' '))
    .join('\n');
  const titleUnit = /单位[:：]?\s*(万元|亿元)/.exec(fold(title))?.[1];

  const columnNumbers = [...new Set([...top.keys(), ...(twoRows ? next!.keys() : [])])].sort((a, b) => a - b);
  const columns: HeaderColumn<K>[] = [];
  for (const col of columnNumbers) {
    const parent = labelText(top.get(col)?.[1]);
    const childCell = twoRows ? next!.get(col) : undefined;
    const child = childCell && !(childCell[2] && childCell[2][0] <= headerRow) ? labelText(childCell[1]) : '';
    const label = child && child !== parent ? (parent ? `${parent}（${child}）` : child) : parent;
    if (!label) continue;
    // Keyed as the label is shown (总投资（亿元）), so a mapping given for a shown header finds it.
    const normalised = normaliseLabel(label);
    const unit = unitOf(normalised);
    columns.push({ col, label, normalised, key: spec.recognise(normalised), unit: unit ?? (titleUnit ? unitOf(titleUnit) : null) });
  }
  const byKey = new Map<K, HeaderColumn<K>>();
  for (const column of columns) {
    if (column.key === null) continue;
    const first = byKey.get(column.key);
    if (first) throw refuse('duplicateColumn', `工作表“${sheet.name}”的表头中“${first.label}”和“${column.label}”是同一项，请只保留一列`);
    byKey.set(column.key, column);
  }

  const anchorCols = spec.anchors.map((key) => byKey.get(key)?.col).filter((col): col is number => col !== undefined);
  const dataRows: DataRow[] = [];
  const skipped: SkippedRow[] = [];
  const skip = (row: number, kind: SkippedRow['kind'], reason: string) => skipped.push({ row, sheet: sheet.name, kind, reason });
  let section: string | null = null;
  let notes = false;
  let blankRun = 0;
  const lastRow = sheet.rows.length ? sheet.rows[sheet.rows.length - 1][0] : lastHeaderRow;
  for (let row = lastHeaderRow + 1; row <= lastRow; row++) {
    const map = rows.get(row);
    const kind = map ? rowKind(map, row, anchorCols) : ({ kind: 'blank' } as const);
    if (notes || kind.kind === 'note') {
      notes = true;
      if (kind.kind !== 'blank') skip(row, 'note', `表格下方的说明：${shorten(kind.kind === 'data' ? firstText(map!) : (kind as { text?: string }).text ?? '')}`);
      continue;
    }
    if (kind.kind === 'blank') {
      // One entry for a run of blank rows.
      const previous = skipped[skipped.length - 1];
      if (previous?.kind === 'blank' && previous.row! + blankRun === row) {
        blankRun++;
        previous.reason = `空行（第 ${previous.row}–${row} 行）`;
      } else {
        blankRun = 1;
        skip(row, 'blank', '空行');
      }
    } else if (kind.kind === 'total') skip(row, 'total', `合计行：${shorten(kind.text)}`);
    else if (kind.kind === 'section') {
      section = kind.text;
      skip(row, 'section', `分组行：${shorten(kind.text)}`);
    } else dataRows.push({ row, cells: map!, section });
  }
  // Blank rows after the last data row are the end of the table, not separators.
  const lastData = dataRows.length ? dataRows[dataRows.length - 1].row : lastHeaderRow;
  return {
    sheet: sheet.name,
    sheetIndex,
    headerRow,
    title,
    year: yearIn(sheet.name) ?? yearIn(title),
    columns,
    byKey,
    rows: dataRows,
    skipped: skipped.filter((s) => s.kind !== 'blank' || s.row! < lastData),
  };
}

const shorten = (text: string) => (Array.from(text).length > 40 ? `${Array.from(text).slice(0, 40).join('')}…` : text);

/**
 * The row below the header belongs to it when a header cell is merged down into it, or when it
 * has nothing under the anchor columns and only header words (万元, 计划, 实际, 立项 …) elsewhere.
 */
function isSubHeader<K extends string>(top: Map<number, GridCell>, next: Map<number, GridCell>, headerRow: number, spec: TableSpec<K>): boolean {
  const cells = [...next.values()];
  if (cells.some((cell) => cell[2] !== undefined && cell[2][0] === headerRow)) return true;
  const anchorCols = [...top.values()]
    .filter(([, data]) => {
      const key = spec.recognise(normaliseLabel(labelText(data)));
      return key !== null && spec.anchors.includes(key);
    })
    .map(([col]) => col);
  if (anchorCols.some((col) => !isBlank(next.get(col)?.[1]))) return false;
  return cells.every(([, data]) => data.t === 's' && SUB_HEADER_WORDS.test(normaliseLabel(data.v)));
}

const SUB_HEADER_WORDS = /^(\(?(万元|亿元)\)?|计划|实际|预计|时间|日期|开工|竣工|立项|备案|核准|用地|土地|规划|规划许可|环评|节能|能评|节能审查|施工|施工许可|实施类|准备类|类别|阶段|.*\((万元|亿元)\))$/;

type RowKind = { kind: 'blank' } | { kind: 'total'; text: string } | { kind: 'section'; text: string } | { kind: 'note'; text: string } | { kind: 'data' };

/** 合计, 总计, 小计, 累计合计, 共计 (also 东昌府区小计 after a merged place name). */
const TOTAL = /^(合计|总计|小计|累计合计|共计)|(合计|小计)$/;
/** The first cell of a note below the table: 填报说明：…, 注：…, 注1…, 填表人：… */
const NOTE = /^(填报说明|填表说明|说明|备注|注)\s*[:：]|^注\s*\d|^(填报人|填表人|制表人|审核人|联系人|联系电话|填报单位|填报日期|制表日期)\s*[:：]/;

/**
 * Blank rows and total rows (合计/总计/小计) are skipped; a row with one value that is not under
 * an anchor column alone, or that spans merged columns (一、实施类项目（100个）), is a section row;
 * a row starting with 填报说明：/注：/填表人： ends the table (notes). A cell merged down from a row
 * above (a 县（市、区）over a group of rows) belongs to the rows it covers but does not by itself
 * make a row data: a row with nothing else is blank.
 */
function rowKind(cells: Map<number, GridCell>, row: number, anchorCols: number[]): RowKind {
  const own = [...cells.values()].filter((cell) => !isBlank(cell[1]) && !(cell[2] && cell[2][0] < row));
  if (own.length === 0) return { kind: 'blank' };
  const texts = own.map(([, data]) => fold(labelText(data)));
  const first = labelText(own[0][1]);
  if (NOTE.test(first.trim())) return { kind: 'note', text: first };
  const total = texts.slice(0, 3).find((text) => TOTAL.test(text));
  if (total !== undefined) return { kind: 'total', text: total };
  const distinct = new Set(own.map(identity));
  if (distinct.size === 1) {
    const [cell] = own;
    const spansColumns = own.length > 1;
    const underAnchor = anchorCols.includes(cell[0]);
    if (spansColumns || !underAnchor) return { kind: 'section', text: labelText(cell[1] as CellData) };
  }
  return { kind: 'data' };
}

function firstText(cells: Map<number, GridCell>): string {
  return [...cells.values()].map(([, data]) => labelText(data)).find((text) => text !== '') ?? '';
}
