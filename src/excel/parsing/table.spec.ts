import { describe, expect, it } from '@jest/globals';
import { LEDGER_TABLE } from './ledger-rows.js';
import { locateTables, type TableSpec } from './table.js';
import type { GridCell, SheetGrid } from './workbook-reader.js';

/** A grid from rows of text (null: empty), as the worker would report it, with the merged cells listed. */
function grid(rows: (string | number | null)[][], merges: { at: [number, number]; master: [number, number] }[] = [], name = 'S', hidden = false): SheetGrid {
  return {
    name,
    hidden,
    rows: rows
      .map((cells, r): [number, GridCell[]] => [
        r + 1,
        cells.flatMap((value, c): GridCell[] => {
          const merge = merges.find((m) => m.at[0] === r + 1 && m.at[1] === c + 1);
          const source = merge ? rows[merge.master[0] - 1][merge.master[1] - 1] : value;
          if (source === null) return [];
          const data = typeof source === 'number' ? { t: 'n' as const, v: source } : { t: 's' as const, v: source };
          return merge ? [[c + 1, data, merge.master]] : [[c + 1, data]];
        }),
      ])
      .filter(([, cells]) => cells.length > 0),
  };
}

/** The one table a workbook holds. */
const locateTable = <K extends string>(sheets: SheetGrid[], spec: TableSpec<K>) => {
  const { tables } = locateTables(sheets, spec);
  expect(tables).toHaveLength(1);
  return tables[0];
};

/** Every cell of a range merged into its top-left cell. */
function merged(range: [number, number, number, number]): { at: [number, number]; master: [number, number] }[] {
  const [r1, c1, r2, c2] = range;
  const cells: { at: [number, number]; master: [number, number] }[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cells.push({ at: [r, c], master: [r1, c1] });
  return cells;
}

describe('finding the table in a sheet', () => {
  it('skips title rows and reads a unit row under the header as part of it', () => {
    const table = locateTable(
      [grid([['2024年台账'], ['项目名称', '总投资', '年度计划投资'], [null, '亿元', '万元'], ['示例', '1.5', '3000']])],
      LEDGER_TABLE,
    );
    expect(table.headerRow).toBe(2);
    expect(table.columns.map((c) => [c.label, c.key, c.unit])).toEqual([
      ['项目名称', 'name', null],
      ['总投资（亿元）', 'total', 'yi'],
      ['年度计划投资（万元）', 'planned', 'wan'],
    ]);
    expect(table.rows.map((r) => r.row)).toEqual([4]);
  });

  it('joins a header merged across two columns with the words under it (开工时间 → 计划 / 实际)', () => {
    const table = locateTable(
      [
        grid(
          [
            ['项目名称', '开工时间', null, '项目类别'],
            [null, '计划', '实际', null],
            ['示例', '2024-03', '2024-03-05', '实施类'],
          ],
          [
            { at: [1, 1], master: [1, 1] },
            { at: [2, 1], master: [1, 1] },
            { at: [1, 2], master: [1, 2] },
            { at: [1, 3], master: [1, 2] },
            { at: [1, 4], master: [1, 4] },
            { at: [2, 4], master: [1, 4] },
          ],
        ),
      ],
      LEDGER_TABLE,
    );
    expect(table.columns.map((c) => [c.label, c.key])).toEqual([
      ['项目名称', 'name'],
      ['开工时间（计划）', 'plannedStart'],
      ['开工时间（实际）', 'actualStart'],
      ['项目类别', 'category'],
    ]);
    expect(table.rows.map((r) => r.row)).toEqual([3]);
  });

  it('keeps section rows as the section of the rows below and skips total rows', () => {
    const table = locateTable(
      [grid([['序号', '项目名称', '总投资（万元）'], ['一、准备类项目'], [1, '示例', 100], ['合计', null, 100]])],
      LEDGER_TABLE,
    );
    expect(table.rows.map((r) => [r.row, r.section])).toEqual([[3, '一、准备类项目']]);
    expect(table.skipped.map((s) => [s.row, s.kind])).toEqual([
      [2, 'section'],
      [4, 'total'],
    ]);
  });

  it('reads a cell merged down over a group of rows into each row, and a row holding only such a cell as blank', () => {
    const table = locateTable(
      [
        grid(
          [
            ['县（市、区）', '项目名称', '总投资（万元）'],
            ['东昌府区', '甲', 100],
            [null, '乙', 200],
            [null, null, null],
            [null, '丙', 300],
            ['临清市', '丁', 400],
            [null, '小计', 400],
          ],
          [...merged([2, 1, 5, 1]), ...merged([6, 1, 7, 1])],
        ),
      ],
      LEDGER_TABLE,
    );
    expect(table.rows.map((r) => [r.row, r.cells.get(1)?.[1], r.cells.get(2)?.[1]])).toEqual([
      [2, { t: 's', v: '东昌府区' }, { t: 's', v: '甲' }],
      [3, { t: 's', v: '东昌府区' }, { t: 's', v: '乙' }],
      [5, { t: 's', v: '东昌府区' }, { t: 's', v: '丙' }],
      [6, { t: 's', v: '临清市' }, { t: 's', v: '丁' }],
    ]);
    expect(table.skipped.map((s) => [s.row, s.kind])).toEqual([
      [4, 'blank'],
      [7, 'total'],
    ]);
  });

  it('counts rows missing from the sheet between data rows as one blank entry per run, and ends the table at notes', () => {
    const sheet = grid([['项目名称', '总投资（万元）'], ['甲', 1], ['乙', 2], ['填报说明：1. 金额单位为万元'], ['2. 请勿合并单元格', null], ['丙', 3]]);
    // Rows 3–5 of the grid come after two rows Excel shows as empty (no cells).
    sheet.rows = sheet.rows.map(([row, cells]) => [row > 2 ? row + 2 : row, cells]);
    const table = locateTable([sheet], LEDGER_TABLE);
    expect(table.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(table.skipped.map((s) => [s.row, s.kind, s.reason])).toEqual([
      [3, 'blank', '空行（第 3–4 行）'],
      [6, 'note', '表格下方的说明：填报说明：1. 金额单位为万元'],
      [7, 'note', '表格下方的说明：2. 请勿合并单元格'],
      [8, 'note', '表格下方的说明：丙'],
    ]);
  });

  it('reads every visible sheet with a table, reports the others, and takes the year from the title or the sheet name', () => {
    const { tables, skipped } = locateTables(
      [
        grid([['2024年实施类项目'], ['项目名称', '总投资（万元）'], ['甲', 1]], [], '实施类'),
        grid([['填写要求'], ['金额以万元计']], [], '说明'),
        grid([['项目名称', '总投资（万元）'], ['乙', 2]], [], '2025年准备类'),
        grid([['项目名称', '县（市、区）'], ['东昌府区', '临清市']], [], '下拉选项', true),
      ],
      LEDGER_TABLE,
    );
    expect(tables.map((t) => [t.sheet, t.sheetIndex, t.year, t.rows.map((r) => r.row)])).toEqual([
      ['实施类', 1, 2024, [3]],
      ['2025年准备类', 3, 2025, [2]],
    ]);
    expect(skipped.map((s) => [s.sheet, s.row, s.kind])).toEqual([
      ['说明', null, 'sheet'],
      ['下拉选项', null, 'sheet'],
    ]);
  });

  it('reads a header it does not know as a table of unknown columns (for a mapping), and refuses a sheet with no header', () => {
    const { tables, unrecognised } = locateTables([grid([['工程名称', '项目业主', '投资额（万元）'], ['甲', '某公司', 100]])], LEDGER_TABLE);
    expect(tables).toEqual([]);
    expect(unrecognised.map((t) => [t.headerRow, t.columns.map((c) => [c.label, c.key])])).toEqual([
      [1, [['工程名称', null], ['项目业主', null], ['投资额（万元）', null]]],
    ]);
    expect(() => locateTables([grid([['会议纪要'], ['今天讨论了项目进度']])], LEDGER_TABLE)).toThrow(/找不到表头/);
  });

  it('refuses two columns that mean the same thing', () => {
    expect(() => locateTable([grid([['项目名称', '总投资（万元）', '总投资（亿元）'], ['示例', 1, 1]])], LEDGER_TABLE)).toThrow(/同一项/);
  });

  it('holds only the sheets it reads to the column limit', () => {
    const wide: (string | null)[] = Array.from({ length: 60 }, (_, i) => (i === 59 ? '备用' : null));
    const { tables } = locateTables([grid([['项目名称', '总投资（万元）'], ['甲', 1]]), grid([['选项'], wide], [], '下拉选项')], LEDGER_TABLE);
    expect(tables.map((t) => t.sheet)).toEqual(['S']);
    expect(() => locateTables([grid([['项目名称', '总投资（万元）', ...wide.slice(1)], ['甲', 1]])], LEDGER_TABLE)).toThrow(/列数过多/);
  });
});
