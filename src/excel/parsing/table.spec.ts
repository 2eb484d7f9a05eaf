import { describe, expect, it } from '@jest/globals';
import { LEDGER_TABLE } from './ledger-rows.js';
import { locateTable } from './table.js';
import type { GridCell, SheetGrid } from './workbook-reader.js';

/** A grid from rows of text (null: empty), as the worker would report it, without merges. */
function grid(rows: (string | number | null)[][], merges: { at: [number, number]; master: [number, number] }[] = []): SheetGrid {
  return {
    name: 'S',
    hidden: false,
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
  });

  it('refuses two columns that mean the same thing', () => {
    expect(() => locateTable([grid([['项目名称', '总投资（万元）', '总投资（亿元）'], ['示例', 1, 1]])], LEDGER_TABLE)).toThrow(/同一项/);
  });
});
