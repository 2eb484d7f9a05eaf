import { ApiError } from '../../common/index.js';
import type { RowError } from '../import-result.js';
import { recogniseReportColumn, type ReportKey } from './columns.js';
import { UNIT_LABELS } from './money.js';
import { fold } from './cells.js';
import { RowReader } from './row-reader.js';
import type { Table, TableSpec } from './table.js';

export const REPORT_TABLE: TableSpec<ReportKey> = {
  recognise: recogniseReportColumn,
  anchors: ['code', 'name'],
  expected: '“项目编码”或“项目名称”以及“本月完成投资”',
};

/** One row of a county's month sheet (月调度表); `undefined`: the sheet has no such column. */
export interface ReportRow {
  row: number;
  sheet: string;
  table: Table<ReportKey>;
  errors: RowError[];
  code: string | null;
  name: string | null;
  /** 本月完成投资, 万元. */
  amount: number | null;
  progress?: string | null;
  problems?: string | null;
}

/** The sheet needs the amount column, with its unit, and a way to name the project. */
export function checkReportColumns(table: Table<ReportKey>): void {
  const amount = table.byKey.get('amount');
  const problems: { code: string; message: string }[] = [];
  if (!amount) problems.push({ code: 'missingColumn', message: '缺少“本月完成投资（万元）”列' });
  else if (amount.unit === null || amount.unit === 'ambiguous')
    problems.push({ code: 'moneyUnitUnknown', message: `列“${amount.label}”没有写明金额单位：请注明 ${UNIT_LABELS.wan} 或 ${UNIT_LABELS.yi}` });
  if (problems.length) throw new ApiError(422, problems.map((p) => p.message).join('；'), problems.map((p) => ({ field: 'file', ...p })));
}

export function readReportRows(table: Table<ReportKey>): ReportRow[] {
  return table.rows.map((data) => {
    const r = new RowReader(table, data);
    const code = r.text('code') ?? null;
    const name = r.text('name') ?? null;
    if (!code && !name) r.fail(r.has('code') ? 'code' : 'name', '缺少项目编码或项目名称');
    const amount = r.money('amount') ?? null;
    if (amount === null && !r.errors.some((e) => e.column === r.label('amount'))) r.fail('amount', '缺少本月完成投资（没有投资请填 0）');
    return { row: data.row, sheet: table.sheet, table, errors: r.errors, code, name, amount, progress: r.text('progress'), problems: r.text('problems') };
  });
}

/** 2024年10月 in a title such as 东昌府区2024年10月制造业重点项目月调度表 → 2024-10. */
export function monthOfTitle(title: string): string | undefined {
  const match = /(20\d{2})年(\d{1,2})月/.exec(fold(title));
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return undefined;
  return `${match[1]}-${match[2].padStart(2, '0')}`;
}
