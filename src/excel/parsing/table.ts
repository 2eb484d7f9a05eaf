import { ApiError } from '../../common/api-error.js';
import { EXCEL_LIMITS } from '../limits.js';
import { isBlank, labelText } from './cells.js';
import type { MoneyUnit } from './money.js';
import type { CellData, GridCell, SheetGrid } from './workbook-reader.js';

/**
 * Finds the table in a sheet as offices lay it out: title rows first (聊城市2024年…台账,
 * 单位：万元), then a header row, possibly two when cells are merged (总投资 over 万元 /
 * 亿元, or 开工时间 over 计划 / 实际, with 序号 and 项目名称 merged down both rows),
 * then the data, possibly with section rows (一、实施类项目) and total rows (合计).
 */
export interface HeaderColumn<K extends string> {
  col: number;
  /** The header as written (two header rows joined: 总投资（亿元）). */
  label: string;
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

export interface Table<K extends string> {
  sheet: string;
  headerRow: number;
  /** Text of the rows above the header (title, unit line). */
  title: string;
  columns: HeaderColumn<K>[];
  byKey: Map<K, HeaderColumn<K>>;
  rows: DataRow[];
}

export interface TableSpec<K extends string> {
  /** The key a normalised header label stands for, or null. */
  recognise(label: string): K | null;
  /** The table's header must have one of these. */
  anchors: K[];
  /** What a missing header should tell the user to look for. */
  expected: string;
}

export function normaliseLabel(label: string): string {
  return label
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（【［[]/g, '(')
    .replace(/[）】］\]]/g, ')')
    .replace(/[*＊※:：]/g, '');
}

export function unitOf(text: string): MoneyUnit | null | 'ambiguous' {
  const yi = /亿/.test(text);
  const wan = /万/.test(text);
  if (yi && wan) return 'ambiguous';
  return yi ? 'yi' : wan ? 'wan' : null;
}

const refuse = (code: string, message: string) => new ApiError(422, message, [{ field: 'file', code, message }]);

export function locateTable<K extends string>(sheets: SheetGrid[], spec: TableSpec<K>): Table<K> {
  if (sheets.every((sheet) => sheet.rows.length === 0)) throw refuse('emptySheet', '工作簿是空的：没有任何单元格有内容');
  const ordered = [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)];
  for (const sheet of ordered) {
    const table = tableIn(sheet, spec);
    if (table) return table;
  }
  throw refuse('headerNotFound', `找不到表头：前 ${EXCEL_LIMITS.headerSearchRows} 行中没有包含${spec.expected}的行`);
}

function tableIn<K extends string>(sheet: SheetGrid, spec: TableSpec<K>): Table<K> | null {
  const rows = new Map(sheet.rows.map(([row, cells]) => [row, new Map(cells.map((cell) => [cell[0], cell]))]));
  const candidates = sheet.rows.slice(0, EXCEL_LIMITS.headerSearchRows);
  const header = candidates.find(([, cells]) => {
    const keys = cells.map(([, data]) => spec.recognise(normaliseLabel(labelText(data))));
    return keys.some((key) => key !== null && spec.anchors.includes(key)) && new Set(keys.filter((k) => k !== null)).size >= 2;
  });
  if (!header) return null;
  const headerRow = header[0];
  const top = rows.get(headerRow)!;
  const next = rows.get(headerRow + 1);
  const twoRows = next !== undefined && isSubHeader(top, next, headerRow, spec);
  const lastHeaderRow = twoRows ? headerRow + 1 : headerRow;

  const title = sheet.rows
    .filter(([row]) => row < headerRow)
    .map(([, cells]) => [...new Set(cells.map(([, data]) => labelText(data)))].join(' '))
    .join('\n');
  const titleUnit = /单位[:：]?\s*(万元|亿元)/.exec(title)?.[1];

  const columnNumbers = [...new Set([...top.keys(), ...(twoRows ? next!.keys() : [])])].sort((a, b) => a - b);
  const columns: HeaderColumn<K>[] = [];
  for (const col of columnNumbers) {
    const parent = labelText(top.get(col)?.[1]);
    const childCell = twoRows ? next!.get(col) : undefined;
    const child = childCell && !(childCell[2] && childCell[2][0] <= headerRow) ? labelText(childCell[1]) : '';
    const label = child && child !== parent ? (parent ? `${parent}（${child}）` : child) : parent;
    if (!label) continue;
    const normalised = normaliseLabel(parent + (child !== parent ? child : ''));
    const unit = unitOf(normalised);
    columns.push({ col, label, key: spec.recognise(normalised), unit: unit ?? (titleUnit ? unitOf(titleUnit) : null) });
  }
  const byKey = new Map<K, HeaderColumn<K>>();
  for (const column of columns) {
    if (column.key === null) continue;
    const first = byKey.get(column.key);
    if (first) throw refuse('duplicateColumn', `表头中“${first.label}”和“${column.label}”是同一项，请只保留一列`);
    byKey.set(column.key, column);
  }

  const maxColumn = Math.max(0, ...sheet.rows.flatMap(([, cells]) => cells.map(([col]) => col)));
  if (maxColumn > EXCEL_LIMITS.columns) throw refuse('tooManyColumns', `列数过多：第 ${maxColumn} 列有内容，上限 ${EXCEL_LIMITS.columns} 列`);

  const anchorCols = spec.anchors.map((key) => byKey.get(key)?.col).filter((col): col is number => col !== undefined);
  const dataRows: DataRow[] = [];
  let section: string | null = null;
  for (const [row] of sheet.rows) {
    if (row <= lastHeaderRow) continue;
    const map = rows.get(row)!;
    const kind = rowKind(map, anchorCols);
    if (kind.kind === 'blank' || kind.kind === 'total') continue;
    if (kind.kind === 'section') {
      section = kind.text;
      continue;
    }
    dataRows.push({ row, cells: map, section });
    if (dataRows.length > EXCEL_LIMITS.dataRows)
      throw refuse('tooManyRows', `数据行过多：超过 ${EXCEL_LIMITS.dataRows} 行（第 ${row} 行起超出）`);
  }
  if (dataRows.length === 0) throw refuse('noDataRows', `工作表“${sheet.name}”在表头（第 ${headerRow} 行）下面没有数据行`);
  return { sheet: sheet.name, headerRow, title, columns, byKey, rows: dataRows };
}

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

type RowKind = { kind: 'blank' } | { kind: 'total' } | { kind: 'section'; text: string } | { kind: 'data' };

/**
 * Blank rows and total rows (合计/总计/小计) are skipped; a row with one value that is not under
 * an anchor column alone, or that spans merged columns (一、实施类项目（100个）), is a section row.
 */
function rowKind(cells: Map<number, GridCell>, anchorCols: number[]): RowKind {
  const filled = [...cells.values()].filter(([, data]) => !isBlank(data));
  if (filled.length === 0) return { kind: 'blank' };
  const texts = filled.map(([, data]) => labelText(data).replace(/\s+/g, ''));
  if (texts.slice(0, 3).some((text) => /^(合计|总计|小计|累计合计)/.test(text))) return { kind: 'total' };
  const distinct = new Set(filled.map((cell) => (cell[2] ? `m${cell[2][0]}:${cell[2][1]}` : `c${cell[0]}`)));
  if (distinct.size === 1) {
    const [cell] = filled;
    const spansColumns = filled.length > 1;
    const underAnchor = anchorCols.includes(cell[0]);
    if (spansColumns || !underAnchor) return { kind: 'section', text: labelText(cell[1] as CellData) };
  }
  return { kind: 'data' };
}
